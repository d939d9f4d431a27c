// Every conversation the app's sockets have: accepted connections, UDP peers and clients.
// Counters are exact; updates to the UI are batched.
import type {
  AddressFamily,
  CloseReason,
  Endpoint,
  InspectorError,
  KernelView,
  SendProgress,
  Session,
  SessionId,
  SessionState,
  SessionsForgotten,
  TlsInfo
} from '../../shared/model'
import { InspectorFailure } from '../../shared/errors'
import { LIMITS } from '../../shared/limits'
import { formatEndpoint } from '../../shared/endpoint'
import { Batcher } from '../batcher'
import { CallLog } from './call-log'
import { SessionLog } from './traffic-log'
import type { TrafficLog } from './traffic-log'

/** At most 10 updates a second per session reach the UI. */
export const SESSION_UPDATE_INTERVAL_MS = 100
/** Closed sessions kept for inspection; the oldest go first (one bound, page and core). */
export const CLOSED_SESSIONS_KEPT = LIMITS.closedSessionsKept

/** What a session starts with; the rest (counters, close) the registry keeps. */
export type SessionInit = Pick<
  Session,
  'role' | 'protocol' | 'family' | 'listenerId' | 'local' | 'remote' | 'fd' | 'state'
>

/** How the core ends a live session, whoever opened it (a client, or a server's accept). */
export interface SessionControl {
  /** Graceful: FIN after what is queued (UDP: the peer's session just ends). */
  close(): void
  /** Abortive: RST, dropping what is queued (UDP: as close). */
  reset(): void
}

export class SessionRecord {
  bytesIn = 0
  bytesOut = 0
  chunksIn = 0
  chunksOut = 0
  closedAt: number | null = null
  closeReason: CloseReason | null = null
  error: InspectorError | null = null
  kernel: KernelView | null = null
  tls: TlsInfo | null = null
  sending: SendProgress | null = null
  /** Set by whoever owns the socket; cleared once it is closed. */
  control: SessionControl | null = null
  readonly openedAt = Date.now()
  readonly log = new SessionLog()
  /** An accepted socket's own close (graceful FIN or RST), for the actions room. */
  closer: ((mode: 'graceful' | 'reset') => void) | null = null
  readonly calls = new CallLog()
  state: SessionState
  /** A client learns these only once connected. */
  family: AddressFamily
  local: Endpoint
  remote: Endpoint
  fd: number | null

  constructor(
    readonly id: SessionId,
    readonly init: SessionInit
  ) {
    this.state = init.state
    this.family = init.family
    this.local = init.local
    this.remote = init.remote
    this.fd = init.fd
  }

  get closed(): boolean {
    return this.state === 'closed' || this.state === 'error'
  }

  snapshot(): Session {
    return {
      id: this.id,
      role: this.init.role,
      protocol: this.init.protocol,
      family: this.family,
      listenerId: this.init.listenerId,
      local: this.local,
      remote: this.remote,
      fd: this.fd,
      state: this.state,
      bytesIn: this.bytesIn,
      bytesOut: this.bytesOut,
      chunksIn: this.chunksIn,
      chunksOut: this.chunksOut,
      openedAt: this.openedAt,
      closedAt: this.closedAt,
      closeReason: this.closeReason,
      error: this.error,
      trafficDroppedBytes: this.log.droppedBytes,
      kernel: this.kernel,
      tls: this.tls,
      sending: this.sending
    }
  }
}

export class SessionRegistry {
  private readonly sessions = new Map<SessionId, SessionRecord>()
  private readonly closedOrder: SessionId[] = []
  private readonly updates: Batcher<SessionRecord>
  private nextId = 1

  /** Closed sessions let go of so far to stay within CLOSED_SESSIONS_KEPT. */
  private forgottenCount = 0

  constructor(
    readonly traffic: TrafficLog,
    emit: (sessions: Session[]) => void,
    /** Called on every counter change, e.g. to mark the owning server's totals dirty. */
    private readonly onChange: (session: SessionRecord) => void = () => undefined,
    /** Told which closed sessions were let go of, so a page can drop them too. */
    private readonly onForget: (event: SessionsForgotten) => void = () => undefined
  ) {
    this.updates = new Batcher(SESSION_UPDATE_INTERVAL_MS, (items) =>
      emit(items.map((s) => s.snapshot()))
    )
  }

  open(init: SessionInit): SessionRecord {
    const record = new SessionRecord(`s-${this.nextId++}`, init)
    if (init.role === 'accepted') record.calls.add('accept', init.fd)
    else if (init.role === 'client' && init.protocol !== 'udp') {
      record.calls.add('socket', null)
      record.calls.add('connect', null, formatEndpoint(init.remote))
    }
    this.sessions.set(record.id, record)
    this.changed(record)
    return record
  }

  received(s: SessionRecord, chunk: Buffer): void {
    s.bytesIn += chunk.byteLength
    s.chunksIn++
    s.calls.io('read', chunk.byteLength, s.fd)
    this.traffic.record(s.log, 'in', chunk)
    this.changed(s)
  }

  sent(s: SessionRecord, chunk: Buffer): void {
    s.bytesOut += chunk.byteLength
    s.chunksOut++
    s.calls.io('write', chunk.byteLength, s.fd)
    this.traffic.record(s.log, 'out', chunk)
    this.changed(s)
  }

  setState(s: SessionRecord, state: SessionState): void {
    if (s.closed || s.state === state) return
    s.state = state
    this.changed(s)
  }

  close(s: SessionRecord, reason: CloseReason, error: InspectorError | null = null): void {
    if (s.closed) return
    s.state = error ? 'error' : 'closed'
    s.closeReason = reason
    s.error = error
    s.closedAt = Date.now()
    s.control = null
    if (s.sending?.state === 'running') s.sending = { ...s.sending, state: 'stopped' }
    s.calls.add('close', s.fd, reason)
    this.changed(s)
    this.closedOrder.push(s.id)
    const over: SessionId[] = []
    while (this.closedOrder.length > CLOSED_SESSIONS_KEPT) over.push(this.closedOrder.shift()!)
    if (over.length > 0) this.forget(over, true)
  }

  /** Ends a live session: its client, or the server's side of an accepted one. */
  end(id: SessionId, mode: 'close' | 'reset'): Session {
    const s = this.sessions.get(id)
    if (!s) throw noSession(id)
    if (s.closed || !s.control) {
      throw new InspectorFailure(
        'ECLOSED',
        `Session ${id} is already closed.`,
        'Nothing to do; dismiss it, or clear closed sessions.'
      )
    }
    if (mode === 'reset') s.control.reset()
    else s.control.close()
    return s.snapshot()
  }

  /**
   * Lets go of closed sessions (these, or all): their traffic logs are freed and a page is
   * told. A live session is never forgotten, so asking for one is refused.
   */
  forgetClosed(ids: readonly SessionId[] | null): SessionId[] {
    if (ids !== null) {
      for (const id of ids) {
        const s = this.sessions.get(id)
        if (s && !s.closed) {
          throw new InspectorFailure(
            'EBUSY',
            `Session ${id} is still open.`,
            'Close or reset it first; only closed sessions can be dismissed.'
          )
        }
      }
    }
    const chosen = ids === null ? [...this.closedOrder] : ids.filter((id) => this.sessions.has(id))
    const gone = new Set(chosen)
    for (let i = this.closedOrder.length - 1; i >= 0; i--)
      if (gone.has(this.closedOrder[i]!)) this.closedOrder.splice(i, 1)
    this.forget(chosen, false)
    return chosen
  }

  get forgotten(): number {
    return this.forgottenCount
  }

  setKernel(s: SessionRecord, view: KernelView): void {
    s.kernel = view
    if (view.state !== null) s.calls.kernelState(view.state, view.at)
    this.changed(s)
  }

  /** fd → open session (fds are reused once a socket closes, so closed ones are left out). */
  openByFd(): Map<number, SessionId> {
    const byFd = new Map<number, SessionId>()
    for (const s of this.sessions.values()) if (s.fd !== null && !s.closed) byFd.set(s.fd, s.id)
    return byFd
  }

  get(id: SessionId): SessionRecord | undefined {
    return this.sessions.get(id)
  }

  list(filter: (s: SessionRecord) => boolean = () => true): Session[] {
    return [...this.sessions.values()].filter(filter).map((s) => s.snapshot())
  }

  /** Sends pending updates now (before a command answers, so the UI is never behind it). */
  flush(): void {
    this.updates.flush()
  }

  dispose(): void {
    this.updates.flush()
    this.updates.dispose()
  }

  /** Marks a session changed after a field was set directly (an error note, an address). */
  changed(s: SessionRecord): void {
    this.updates.mark(s)
    this.onChange(s)
  }

  /** `dropped`: let go to stay within the bound (counted), not at the user's asking. */
  private forget(ids: readonly SessionId[], dropped: boolean): void {
    const removed: SessionId[] = []
    for (const id of ids) {
      const s = this.sessions.get(id)
      if (!s) continue
      this.traffic.release(s.log)
      this.sessions.delete(id)
      removed.push(id)
    }
    if (removed.length === 0) return
    if (dropped) this.forgottenCount += removed.length
    // Updates still pending for these would bring them back on the page; send them first.
    this.updates.flush()
    this.onForget({ ids: removed, forgotten: this.forgottenCount })
  }
}

function noSession(id: SessionId): InspectorFailure {
  return new InspectorFailure(
    'ENOSESSION',
    `There is no session ${id}.`,
    'Closed sessions are kept for a while, then forgotten; list the sessions again.'
  )
}
