// The clients the app runs: connect, send (with bounded repeats), close, reset, list.
import { InspectorFailure } from '../../shared/errors'
import type { ClientSpec, Session, SessionId, SendReceipt, SendSpec } from '../../shared/model'
import { decodePayload, repeatProblem } from '../../shared/payload'
import { numericHostProblem } from '../../shared/schema'
import type { SessionRegistry } from '../echo/sessions'
import { checkSocketToConnect, normalizeSocketPath } from '../echo/unix-path'
import type { ClientConnection } from './client-connection'
import { connectStream } from './stream-client'
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
      if (bad) throw new InspectorFailure('EINVAL', bad, 'Type the address again.')
      connection =
        spec.protocol === 'udp'
          ? await connectUdp(host, spec.port, timeoutMs, this.sessions)
          : await connectStream({ host, port: spec.port }, timeoutMs, this.sessions)
    }
    this.clients.set(connection.session.id, {
      connection,
      timers: new Set(),
      queuedBytes: 0,
      generation: 0
    })
    return connection.session.snapshot()
  }

  send(id: SessionId, spec: SendSpec): SendReceipt {
    const entry = this.open(id)
    if (entry.connection.session.state !== 'open') {
      throw new InspectorFailure(
        'ECLOSED',
        `Client ${id} is closing and cannot send.`,
        'Connect a new client.'
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
          : 'Repeat fewer times, or send a smaller payload.'
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
    if (interval === 0) {
      for (let i = 1; i < repeat; i++) sendOne()
    } else {
      this.repeatEvery(entry, interval, repeat - 1, bytes.byteLength, sendOne)
    }
    return { sessionId: id, bytesPerSend: bytes.byteLength, repeat }
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

  private cancel(entry: Entry): void {
    for (const timer of entry.timers) clearTimeout(timer)
    entry.timers.clear()
    entry.queuedBytes = 0
    entry.generation++
  }

  private open(id: SessionId): Entry {
    const entry = this.clients.get(id)
    if (!entry) {
      throw new InspectorFailure(
        'ENOCLIENT',
        `There is no client ${id}.`,
        'Connect a client first, or list the clients again.'
      )
    }
    if (entry.connection.session.closed) {
      throw new InspectorFailure(
        'ECLOSED',
        `Client ${id} is already closed.`,
        'Connect a new client.'
      )
    }
    return entry
  }
}
