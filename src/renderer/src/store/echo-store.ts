// The app's own echo servers and sessions in the renderer: loaded once, then kept current
// by listener:update and session:update, applied at most once per animation frame. Each
// session update also feeds the bytes-a-second history the charts draw (in a replay, the
// recording's own history does). Closed sessions are
// bounded here as in the core (one limit): what the core forgets, or the page drops, goes,
// and is counted.
import type { InspectorApi, Unsubscribe } from '../../../shared/contract'
import { LIMITS } from '../../../shared/limits'
import type { InspectorError, Listener, Session, SessionId } from '../../../shared/model'
import { RateHistory } from './rate-history'
import { i18n } from '../i18n'

export interface EchoState {
  readonly listeners: readonly Listener[]
  readonly sessions: readonly Session[]
  readonly loaded: boolean
  /** Closed sessions let go of to stay within LIMITS.closedSessionsKept. */
  readonly forgotten: number
}

type Schedule = (fn: () => void) => unknown

const isClosed = (s: Session): boolean => s.state === 'closed' || s.state === 'error'

/** Said of what a dead core held, in the UI's language at the moment it is found. */
const coreLostError = (): InspectorError => ({
  code: 'ECORELOST',
  message: i18n.t('common:coreLost.message'),
  hint: i18n.t('common:coreLost.hint')
})

export class EchoStore {
  private readonly listeners = new Map<string, Listener>()
  private readonly sessions = new Map<string, Session>()
  /** Closed sessions in the order they closed, for the bound. */
  private readonly closedOrder = new Set<SessionId>()
  private state: EchoState = { listeners: [], sessions: [], loaded: false, forgotten: 0 }
  private loaded = false
  private forgotten = 0
  private readonly liveRates = new RateHistory()
  private readonly subscribers = new Set<() => void>()
  private scheduled = false

  constructor(
    private readonly api: InspectorApi,
    private readonly schedule: Schedule = (fn) => requestAnimationFrame(fn),
    private readonly now: () => number = () => Date.now(),
    /** A replay's own rates (the recording's session updates before `now`). */
    private readonly replayRates?: () => RateHistory
  ) {}

  /** Bytes a second per session and in all, for the charts. */
  get rates(): RateHistory {
    return this.replayRates?.() ?? this.liveRates
  }

  /** The time the sessions are at: now, or the recording's time when replaying one. */
  clock(): number {
    return this.now()
  }

  /** Whether a recording feeds this store (its clock is the scrubber's). */
  get replaying(): boolean {
    return this.replayRates !== undefined
  }

  start(): Unsubscribe {
    const offs = [
      this.api.on('listener:update', (items) => this.mergeListeners(items)),
      this.api.on('session:update', (items) => this.mergeSessions(items)),
      this.api.on('session:forgotten', ({ ids, forgotten }) => {
        this.remove(ids)
        this.forgotten = Math.max(this.forgotten, forgotten)
        this.publish()
      })
    ]
    void Promise.all([this.api['echo:list'](), this.api['session:list']()]).then(([ls, ss]) => {
      this.loaded = true
      this.mergeListeners(ls)
      this.mergeSessions(ss)
    })
    return () => offs.forEach((off) => off())
  }

  /**
   * The core that held these servers and sessions died (it was restarted): they died with
   * it. Show them as ended, saying why, instead of as live; the new core starts them afresh.
   */
  coreLost(): void {
    const at = this.now()
    const ended: Session[] = []
    const CORE_LOST = coreLostError()
    for (const s of this.sessions.values()) {
      if (isClosed(s)) continue
      ended.push({ ...s, state: 'closed', closeReason: 'error', closedAt: at, error: CORE_LOST })
    }
    for (const l of [...this.listeners.values()]) {
      if (l.state === 'stopped') continue
      this.listeners.set(l.id, { ...l, state: 'stopped', stoppedAt: at, error: CORE_LOST })
    }
    this.mergeSessions(ended)
  }

  subscribe = (fn: () => void): Unsubscribe => {
    this.subscribers.add(fn)
    return () => this.subscribers.delete(fn)
  }

  getState = (): EchoState => this.state

  /** Asks the core to forget these closed sessions (null: every closed one). */
  async forget(ids: readonly SessionId[] | null): Promise<number> {
    const { removed } = await this.api['session:forget'](ids === null ? {} : { ids: [...ids] })
    this.remove(removed)
    this.publish()
    return removed.length
  }

  private remove(ids: readonly SessionId[]): void {
    for (const id of ids) {
      this.sessions.delete(id)
      this.closedOrder.delete(id)
    }
  }

  private mergeListeners(items: readonly Listener[]): void {
    for (const l of items) {
      if (l.state === 'removed') this.listeners.delete(l.id)
      else this.listeners.set(l.id, l)
    }
    this.publish()
  }

  private mergeSessions(items: readonly Session[]): void {
    const at = this.now()
    for (const s of items) {
      if (!this.replayRates) this.liveRates.record(s.id, at, s.bytesIn, s.bytesOut, s.openedAt)
      this.sessions.set(s.id, s)
      if (isClosed(s)) this.closedOrder.add(s.id)
    }
    // The core keeps the same number; this only bites if its notice of a forget was missed.
    for (const id of this.closedOrder) {
      if (this.closedOrder.size <= LIMITS.closedSessionsKept) break
      this.closedOrder.delete(id)
      this.sessions.delete(id)
      this.forgotten++
    }
    this.publish()
  }

  private publish(): void {
    if (this.scheduled) return
    this.scheduled = true
    this.schedule(() => {
      this.scheduled = false
      this.state = {
        listeners: [...this.listeners.values()],
        sessions: [...this.sessions.values()],
        loaded: this.loaded,
        forgotten: this.forgotten
      }
      for (const fn of [...this.subscribers]) fn()
    })
  }
}
