// The clients the app runs: connect, send (with bounded repeats), close, reset, list.
import { InspectorFailure } from '../../shared/errors'
import type { ClientSpec, Session, SessionId, SendReceipt, SendSpec } from '../../shared/model'
import { decodePayload } from '../../shared/payload'
import type { SessionRegistry } from '../echo/sessions'
import { normalizeSocketPath } from '../echo/unix-path'
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
}

export class Clients {
  private readonly clients = new Map<SessionId, Entry>()

  constructor(private readonly sessions: SessionRegistry) {}

  async connect(spec: ClientSpec): Promise<Session> {
    const timeoutMs = spec.timeoutMs ?? CONNECT_TIMEOUT_MS
    const connection =
      spec.protocol === 'unix'
        ? await connectStream({ path: normalizeSocketPath(spec.path) }, timeoutMs, this.sessions)
        : spec.protocol === 'udp'
          ? await connectUdp(spec.host ?? DEFAULT_HOST, spec.port, timeoutMs, this.sessions)
          : spec.tls
            ? await connectTls(
                { host: spec.host ?? DEFAULT_HOST, port: spec.port },
                spec.tls,
                timeoutMs,
                this.sessions
              )
            : await connectStream(
                { host: spec.host ?? DEFAULT_HOST, port: spec.port },
                timeoutMs,
                this.sessions
              )
    const id = connection.session.id
    this.clients.set(id, { connection, timers: new Set() })
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
        'Connect a new client.'
      )
    }
    const running = session.sending
    if (running?.state === 'running') {
      throw new InspectorFailure(
        'EBUSY',
        `Client ${id} is still sending a repeat (${running.sent} of ${running.total}).`,
        'Stop it first, or wait for it to finish.'
      )
    }
    const bytes = Buffer.from(decodePayload(spec.data, spec.encoding))
    const repeat = spec.repeat ?? 1
    const interval = spec.intervalMs ?? 0
    // The first send happens now, so a bad payload (too large a datagram) fails the command.
    entry.connection.send(bytes)
    const progress = (sent: number): void => {
      session.sending = {
        sent,
        total: repeat,
        bytesPerSend: bytes.byteLength,
        intervalMs: interval,
        state: sent >= repeat ? 'done' : 'running',
        startedAt: session.sending?.startedAt ?? Date.now()
      }
      this.sessions.changed(session)
    }
    session.sending = null
    progress(1)
    if (interval === 0) {
      for (let i = 1; i < repeat; i++) entry.connection.send(bytes)
      if (repeat > 1) progress(repeat)
    } else {
      let sent = 1
      const next = (): void => {
        if (sent >= repeat || session.closed) return
        const timer = setTimeout(() => {
          entry.timers.delete(timer)
          if (session.closed) return
          entry.connection.send(bytes)
          progress(++sent)
          next()
        }, interval)
        entry.timers.add(timer)
      }
      next()
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

  private cancel(entry: Entry): void {
    for (const timer of entry.timers) clearTimeout(timer)
    entry.timers.clear()
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
