// TCP and Unix-socket clients. The echoed bytes are recorded like any other traffic.
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import type { SessionRegistry } from '../echo/sessions'
import { connectFailure } from '../net-errors'
import { streamFd } from '../socket-fd'
import type { ClientConnection } from './client-connection'
import { streamConnection } from './stream-connection'

export type StreamTarget = { host: string; port: number } | { path: string }

export async function connectStream(
  target: StreamTarget,
  timeoutMs: number,
  sessions: SessionRegistry
): Promise<ClientConnection> {
  const unix = 'path' in target
  const where = unix ? target.path : `${target.host}:${target.port}`
  const socket: Socket = unix
    ? connect({ path: target.path })
    : connect({ host: target.host, port: target.port, noDelay: true })
  const session = sessions.open({
    role: 'client',
    protocol: unix ? 'unix' : 'tcp',
    family: unix ? 'unix' : 'ipv4',
    listenerId: null,
    local: { address: '', port: null },
    remote: unix
      ? { address: target.path, port: null }
      : { address: target.host, port: target.port },
    fd: null,
    state: 'connecting'
  })

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      const err = Object.assign(new Error('connect timed out'), { code: 'ETIMEDOUT' })
      socket.destroy(err)
    }, timeoutMs)
    socket.once('connect', () => {
      clearTimeout(timer)
      resolve()
    })
    socket.once('error', (err) => {
      clearTimeout(timer)
      const failure = connectFailure(err, { protocol: unix ? 'unix' : 'tcp', where, timeoutMs })
      // The session shows the failure by the time the command answers.
      sessions.close(session, 'error', failure.toJSON())
      reject(failure)
    })
  })

  session.family = unix ? 'unix' : socket.remoteFamily === 'IPv6' ? 'ipv6' : 'ipv4'
  session.fd = streamFd(socket)
  session.local = unix
    ? { address: '', port: null }
    : { address: socket.localAddress ?? '', port: socket.localPort ?? null }
  session.remote = unix
    ? { address: target.path, port: null }
    : { address: socket.remoteAddress ?? target.host, port: socket.remotePort ?? target.port }
  session.calls.finish('connect', session.fd)
  sessions.setState(session, 'open')

  return streamConnection(socket, session, sessions, () =>
    unix ? socket.destroy() : socket.resetAndDestroy()
  )
}
