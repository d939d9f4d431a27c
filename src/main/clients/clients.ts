// The clients the app runs: connect, send (with bounded repeats), close, reset, list.
import { ERROR_IDS as ID } from '../../shared/error-ids'
import { InspectorFailure } from '../../shared/errors'
import type { ClientSpec, Session, SessionId, SendReceipt, SendSpec } from '../../shared/model'
import { decodePayload, repeatProblem } from '../../shared/payload'
import { LIMITS, numericHostProblem, shown } from '../../shared/schema'
import type { SessionRecord, SessionRegistry } from '../echo/sessions'
import { checkSocketToConnect, normalizeSocketPath } from '../echo/unix-path'
import type { ClientConnection } from './client-connection'
import { connectStream } from './stream-client'
import { connectTls } from './tls-client'
import { connectUdp } from './udp-client'

export const CONNECT_TIMEOUT_MS = 5_000
const DEFAULT_HOST = '127.0.0.1'

interface Entry {
  readonly connection: ClientConnection
  /** Pending repeat timers, cancelled when the client closes. */
  readonly timers: Set<NodeJS.Timeout>
  /** Bytes promised by send commands and not yet handed to the kernel (LIMITS.clientQueueBytes). */
  queuedBytes: number
  /** Bumped when the queue is dropped, so late write callbacks of older sends are ignored. */
  generation: number
}

export class Clients {
  private readonly clients = new Map<SessionId, Entry>()

  constructor(private readonly sessions: SessionRegistry) {}

  async connect(spec: ClientSpec): Promise<Session> {
    const timeoutMs = spec.timeoutMs ?? CONNECT_TIMEOUT_MS
    let connection: ClientConnection
    if (spec.protocol === 'unix') {
      const path = normalizeSocketPath(spec.path)
      await checkSocketToConnect(path)
      connection = await connectStream({ path }, timeoutMs, this.sessions)
    } else {
      const host = spec.host ?? DEFAULT_HOST
      // Checked where it lands, too: a bad dotted quad must never reach a resolver.
      const bad = numericHostProblem(host)
      if (bad) {
        throw new InspectorFailure('EINVAL', bad, 'Type the address again.', {
          id: ID.clientBadIpv4,
          params: { value: shown(host) }
        })
      }
      connection =
        spec.protocol === 'udp'
          ? await connectUdp(host, spec.port, timeoutMs, this.sessions)
          : spec.tls
            ? await connectTls({ host, port: spec.port }, spec.tls, timeoutMs, this.sessions)
            : await connectStream({ host, port: spec.port }, timeoutMs, this.sessions)
    }
    const id = connection.session.id
    this.clients.set(id, { connection, timers: new Set(), queuedBytes: 0, generation: 0 })
    connection.session.control = { close: () => this.close(id), reset: () => this.reset(id) }
    return connection.session.snapshot()
  }

  send(id: SessionId, spec: SendSpec): SendReceipt {
    const entry = this.open(id)
    const { session } = entry.connection
    if (session.state !== 'open') {
      throw new InspectorFailure(
        'ECLOSED',
        `Client ${id} is closing and cannot send.`,
        'Connect a new client.',
        { id: ID.clientClosing, params: { id } }
      )
    }
    const running = session.sending
    if (running?.state === 'running') {
      throw new InspectorFailure(
        'EBUSY',
        `Client ${id} is still sending a repeat (${running.sent} of ${running.total}).`,
        'Stop it first, or wait for it to finish.',
        { id: ID.clientBusy, params: { id, sent: running.sent, total: running.total } }
      )
    }
    const bytes = Buffer.from(decodePayload(spec.data, spec.encoding))
    const repeat = spec.repeat ?? 1
    const interval = spec.intervalMs ?? 0
    const tooMuch = repeatProblem(bytes.byteLength, repeat, entry.queuedBytes)
    if (tooMuch) {
      throw new InspectorFailure(
        'EQUEUEFULL',
        `Client ${id} cannot queue that much: ${tooMuch}.`,
        entry.queuedBytes > 0
          ? 'Wait for the earlier sends to finish, repeat fewer times, or send less.'
          : 'Repeat fewer times, or send a smaller payload.',
        {
          id: entry.queuedBytes > 0 ? ID.clientQueueFullWaiting : ID.clientQueueFull,
          params: {
            id,
            repeat,
            bytes: bytes.byteLength,
            total: repeat * bytes.byteLength,
            queued: entry.queuedBytes,
            max: LIMITS.clientQueueBytes
          }
        }
      )
    }
    const generation = entry.generation
    const sendOne = (): void => {
      entry.connection.send(bytes, () => {
        if (entry.generation === generation) entry.queuedBytes -= bytes.byteLength
      })
      // Counted once accepted: a send that throws (a datagram too large) queues nothing.
      entry.queuedBytes += bytes.byteLength
    }
    // The first send happens now, so a bad payload (too large a datagram) fails the command.
    sendOne()
    session.sending = null
    this.progress(session, 1, repeat, bytes.byteLength, interval)
    if (interval === 0) {
      for (let i = 1; i < repeat; i++) sendOne()
      if (repeat > 1) this.progress(session, repeat, repeat, bytes.byteLength, interval)
    } else {
      let sent = 1
      this.repeatEvery(entry, interval, repeat - 1, bytes.byteLength, () => {
        sendOne()
        this.progress(session, ++sent, repeat, bytes.byteLength, interval)
      })
    }
    return { sessionId: id, bytesPerSend: bytes.byteLength, repeat }
  }

  /** Stops a running repeat; what was sent stays sent. */
  stopRepeat(id: SessionId): Session {
    const entry = this.open(id)
    this.cancel(entry)
    return entry.connection.session.snapshot()
  }

  close(id: SessionId): Session {
    const entry = this.open(id)
    this.cancel(entry)
    entry.connection.close()
    return entry.connection.session.snapshot()
  }

  reset(id: SessionId): Session {
    const entry = this.open(id)
    this.cancel(entry)
    entry.connection.reset()
    return entry.connection.session.snapshot()
  }

  list(): Session[] {
    return this.sessions.list((s) => s.init.role === 'client')
  }

  closeAll(): void {
    for (const entry of this.clients.values()) {
      this.cancel(entry)
      if (!entry.connection.session.closed) entry.connection.reset()
    }
  }

  /** Sends `left` more copies, one per interval; their bytes count as queued until sent. */
  private repeatEvery(
    entry: Entry,
    interval: number,
    left: number,
    bytesPerSend: number,
    sendOne: () => void
  ): void {
    const generation = entry.generation
    entry.queuedBytes += left * bytesPerSend
    const next = (): void => {
      if (left <= 0 || entry.connection.session.closed) return
      const timer = setTimeout(() => {
        entry.timers.delete(timer)
        if (entry.connection.session.closed || entry.generation !== generation) return
        left--
        entry.queuedBytes -= bytesPerSend
        sendOne()
        next()
      }, interval)
      entry.timers.add(timer)
    }
    next()
  }

  /** The running repeat's progress, on the session, for the console's bar and Stop. */
  private progress(
    session: SessionRecord,
    sent: number,
    total: number,
    bytesPerSend: number,
    intervalMs: number
  ): void {
    session.sending = {
      sent,
      total,
      bytesPerSend,
      intervalMs,
      state: sent >= total ? 'done' : 'running',
      startedAt: session.sending?.startedAt ?? Date.now()
    }
    this.sessions.changed(session)
  }

  private cancel(entry: Entry): void {
    for (const timer of entry.timers) clearTimeout(timer)
    entry.timers.clear()
    entry.queuedBytes = 0
    entry.generation++
    const { session } = entry.connection
    if (session.sending?.state === 'running') {
      session.sending = { ...session.sending, state: 'stopped' }
      this.sessions.changed(session)
    }
  }

  private open(id: SessionId): Entry {
    const entry = this.clients.get(id)
    if (!entry) {
      throw new InspectorFailure(
        'ENOCLIENT',
        `There is no client ${id}.`,
        'Connect a client first, or list the clients again.',
        { id: ID.clientNone, params: { id } }
      )
    }
    if (entry.connection.session.closed) {
      throw new InspectorFailure(
        'ECLOSED',
        `Client ${id} is already closed.`,
        'Connect a new client.',
        { id: ID.clientClosed, params: { id } }
      )
    }
    return entry
  }
}
