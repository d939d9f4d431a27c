// Every conversation the app's sockets have: accepted connections, UDP peers and clients.
// Counters are exact; updates to the UI are batched.
import type {
  AddressFamily,
  CloseReason,
  Endpoint,
  InspectorError,
  KernelView,
  Session,
  SessionId,
  SessionState
} from '../../shared/model'
import { formatEndpoint } from '../../shared/endpoint'
import { Batcher } from '../batcher'
import { CallLog } from './call-log'
import { SessionLog } from './traffic-log'
import type { TrafficLog } from './traffic-log'

/** At most 10 updates a second per session reach the UI. */
export const SESSION_UPDATE_INTERVAL_MS = 100
/** Closed sessions kept for inspection; the oldest go first. */
export const CLOSED_SESSIONS_KEPT = 1_000

/** What a session starts with; the rest (counters, close) the registry keeps. */
export type SessionInit = Pick<
  Session,
  'role' | 'protocol' | 'family' | 'listenerId' | 'local' | 'remote' | 'fd' | 'state'
>

export class SessionRecord {
  bytesIn = 0
  bytesOut = 0
  chunksIn = 0
  chunksOut = 0
  closedAt: number | null = null
  closeReason: CloseReason | null = null
  error: InspectorError | null = null
  kernel: KernelView | null = null
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
      kernel: this.kernel
    }
  }
}

export class SessionRegistry {
  private readonly sessions = new Map<SessionId, SessionRecord>()
  private readonly closedOrder: SessionId[] = []
  private readonly updates: Batcher<SessionRecord>
  private nextId = 1

  constructor(
    readonly traffic: TrafficLog,
    emit: (sessions: Session[]) => void,
    /** Called on every counter change, e.g. to mark the owning server's totals dirty. */
    private readonly onChange: (session: SessionRecord) => void = () => undefined
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
    s.calls.add('close', s.fd, reason)
    this.changed(s)
    this.closedOrder.push(s.id)
    while (this.closedOrder.length > CLOSED_SESSIONS_KEPT) this.forget(this.closedOrder.shift()!)
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

  private forget(id: SessionId): void {
    const s = this.sessions.get(id)
    if (!s) return
    this.traffic.release(s.log)
    this.sessions.delete(id)
  }
}
