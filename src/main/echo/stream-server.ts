// TCP and Unix-socket echo servers (both are net.Server). Every byte read is written back
// in order; a client's half-close is honoured by echoing what is pending, then ending.
import { createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import type { AddressFamily, CloseReason } from '../../shared/model'
import { sessionError } from '../net-errors'
import { streamFd } from '../socket-fd'
import type { EchoContext, RunningServer } from './context'
import { STOP_GRACE_MS } from './context'
import type { ListenerRecord } from './listener-record'
import type { SessionRecord } from './sessions'

/** What Node's listen() asks for when no backlog is given. */
const DEFAULT_BACKLOG = 511

export interface StreamListenOptions {
  readonly record: ListenerRecord
  /** tcp: host + port; unix: path. */
  readonly listen: { host: string; port: number } | { path: string }
  readonly backlog?: number
  readonly greeting: Buffer | null
}

export async function startStreamServer(
  opts: StreamListenOptions,
  ctx: EchoContext
): Promise<RunningServer> {
  const { record } = opts
  const open = new Map<Socket, SessionRecord>()
  /** Sockets the server's stop closed, so their sessions say why. */
  const cut = new WeakSet<Socket>()
  const server = createServer({ allowHalfOpen: true, noDelay: true }, (socket) =>
    serve(socket, opts, ctx, open, cut)
  )

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    const done = (): void => {
      server.off('error', reject)
      resolve()
    }
    if ('path' in opts.listen)
      server.listen({ path: opts.listen.path, backlog: opts.backlog }, done)
    else server.listen({ ...opts.listen, backlog: opts.backlog, exclusive: true }, done)
  })
  describeBound(server, record)
  record.calls.add('socket', null)
  record.calls.add('bind', record.fd, record.address)
  record.calls.add('listen', record.fd, `backlog ${opts.backlog ?? DEFAULT_BACKLOG}`)
  server.on('error', (err) => {
    // After a successful listen this is rare (fd exhaustion on accept); show it, keep going.
    record.error = {
      ...sessionError(err),
      hint: 'The server keeps running; new connections may fail.'
    }
    ctx.listenerChanged(record)
  })
  let stopping = false
  server.on('close', () => {
    if (stopping) return
    record.state = 'error'
    record.error = {
      code: 'ECLOSED',
      message: `The listening socket on ${record.address} closed unexpectedly.`,
      hint: 'Start the server again.'
    }
    ctx.listenerChanged(record)
  })

  return {
    stop: async (closeSessions) => {
      stopping = true
      server.close()
      record.calls.add('close', record.fd, 'server stopped')
      if (!closeSessions || open.size === 0) return
      const sockets = [...open.keys()]
      const closed = sockets.map(
        (socket) => new Promise<void>((r) => socket.once('close', () => r()))
      )
      for (const socket of sockets) {
        cut.add(socket)
        socket.end()
      }
      // A peer that never finishes its side is cut after a grace period.
      const grace = setTimeout(() => sockets.forEach((socket) => socket.destroy()), STOP_GRACE_MS)
      await Promise.all(closed)
      clearTimeout(grace)
    }
  }
}

function describeBound(server: Server, record: ListenerRecord): void {
  const address = server.address()
  record.fd = streamFd(server)
  if (typeof address === 'string' || address === null) {
    record.family = 'unix'
    record.path = address
    return
  }
  record.family = address.family === 'IPv6' ? 'ipv6' : 'ipv4'
  record.host = address.address
  record.port = address.port
}

function serve(
  socket: Socket,
  opts: StreamListenOptions,
  ctx: EchoContext,
  open: Map<Socket, SessionRecord>,
  cut: WeakSet<Socket>
): void {
  const { record } = opts
  const { sessions } = ctx
  const unix = record.protocol === 'unix'
  const family: AddressFamily = unix ? 'unix' : socket.remoteFamily === 'IPv6' ? 'ipv6' : 'ipv4'
  const session = sessions.open({
    role: 'accepted',
    protocol: record.protocol,
    family,
    listenerId: record.id,
    local: unix
      ? { address: record.path ?? '', port: null }
      : { address: socket.localAddress ?? '', port: socket.localPort ?? null },
    remote: unix
      ? { address: '', port: null }
      : { address: socket.remoteAddress ?? '', port: socket.remotePort ?? null },
    fd: streamFd(socket),
    state: 'open'
  })
  open.set(socket, session)
  session.closer = (mode) => (mode === 'reset' ? socket.resetAndDestroy() : socket.end())
  record.sessionsOpen++
  record.sessionsTotal++
  ctx.listenerChanged(record)

  const write = (chunk: Buffer): boolean =>
    socket.write(chunk, (err) => {
      if (err) return
      // Counted once the bytes are handed to the kernel, so the counter never runs ahead.
      sessions.sent(session, chunk)
      record.bytesOut += chunk.byteLength
      ctx.listenerChanged(record)
    })

  if (opts.greeting && opts.greeting.byteLength > 0) write(opts.greeting)

  socket.on('data', (chunk: Buffer) => {
    sessions.received(session, chunk)
    record.bytesIn += chunk.byteLength
    // Once the server has ended this side (it is stopping), bytes are counted, not echoed.
    if (socket.writableEnded) return
    if (!write(chunk)) socket.pause()
  })
  socket.on('drain', () => socket.resume())
  socket.on('end', () => {
    session.calls.add('eof', session.fd)
    sessions.setState(session, 'half-closed')
    // end() goes out after every queued write: what is pending is echoed first.
    socket.end()
    session.calls.add('shutdown', session.fd, 'write side (FIN)')
  })
  let failure: Error | null = null
  socket.on('error', (err) => (failure = err))
  socket.on('close', () => {
    open.delete(socket)
    record.sessionsOpen--
    ctx.listenerChanged(record)
    const reason: CloseReason = cut.has(socket)
      ? 'server-stopped'
      : failure
        ? (failure as NodeJS.ErrnoException).code === 'ECONNRESET'
          ? 'reset'
          : 'error'
        : 'end'
    sessions.close(session, reason, failure && reason === 'error' ? sessionError(failure) : null)
  })
}
