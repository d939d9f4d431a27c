// The app's own echo servers and sessions in the renderer: loaded once, then kept current
// by listener:update and session:update, applied at most once per animation frame. Each
// session update also feeds the bytes-a-second history the charts draw.
import type { InspectorApi, Unsubscribe } from '../../../shared/contract'
import type { InspectorError, Listener, Session } from '../../../shared/model'
import { RateHistory } from './rate-history'

export interface EchoState {
  readonly listeners: readonly Listener[]
  readonly sessions: readonly Session[]
  readonly loaded: boolean
}

type Schedule = (fn: () => void) => unknown

const CORE_LOST: InspectorError = {
  code: 'ECORELOST',
  message: 'Ended: the Socket Inspector core that held it stopped and was restarted without it.',
  hint: 'Start the server or client again.'
}

export class EchoStore {
  private readonly listeners = new Map<string, Listener>()
  private readonly sessions = new Map<string, Session>()
  private state: EchoState = { listeners: [], sessions: [], loaded: false }
  private loaded = false
  readonly rates = new RateHistory()
  private readonly subscribers = new Set<() => void>()
  private scheduled = false

  constructor(
    private readonly api: InspectorApi,
    private readonly schedule: Schedule = (fn) => requestAnimationFrame(fn),
    private readonly now: () => number = () => Date.now()
  ) {}

  start(): Unsubscribe {
    const offs = [
      this.api.on('listener:update', (items) => this.merge(this.listeners, items)),
      this.api.on('session:update', (items) => this.mergeSessions(items))
    ]
    void Promise.all([this.api['echo:list'](), this.api['session:list']()]).then(([ls, ss]) => {
      this.loaded = true
      this.merge(this.listeners, ls)
      this.mergeSessions(ss)
    })
    return () => offs.forEach((off) => off())
  }

  /**
   * The core that held these servers and sessions died (it was restarted): they died with
   * it. Show them as ended, saying why, instead of as live; the new core's start them afresh.
   */
  coreLost(): void {
    const at = this.now()
    const ended = (s: Session): boolean => s.state === 'closed' || s.state === 'error'
    for (const s of [...this.sessions.values()]) {
      if (ended(s)) continue
      this.sessions.set(s.id, {
        ...s,
        state: 'closed',
        closeReason: 'error',
        closedAt: at,
        error: CORE_LOST
      })
    }
    for (const l of [...this.listeners.values()]) {
      if (l.state === 'stopped') continue
      this.listeners.set(l.id, { ...l, state: 'stopped', stoppedAt: at, error: CORE_LOST })
    }
    this.merge(this.sessions, [])
  }

  subscribe = (fn: () => void): Unsubscribe => {
    this.subscribers.add(fn)
    return () => this.subscribers.delete(fn)
  }

  getState = (): EchoState => this.state

  private mergeSessions(items: readonly Session[]): void {
    const at = this.now()
    for (const s of items) this.rates.record(s.id, at, s.bytesIn, s.bytesOut, s.openedAt)
    this.merge(this.sessions, items)
  }

  private merge<T extends { readonly id: string }>(
    into: Map<string, T>,
    items: readonly T[]
  ): void {
    for (const item of items) into.set(item.id, item)
    if (this.scheduled) return
    this.scheduled = true
    this.schedule(() => {
      this.scheduled = false
      this.state = {
        listeners: [...this.listeners.values()],
        sessions: [...this.sessions.values()],
        loaded: this.loaded
      }
      for (const fn of [...this.subscribers]) fn()
    })
  }
}
