// A connected UDP socket: the kernel then shows its remote end, and replies from anyone
// else are dropped, as a client expects.
import { createSocket } from 'node:dgram'
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import type { SessionRegistry } from '../echo/sessions'
import {
  connectFailure,
  datagramRefused,
  datagramTooLarge,
  MAX_DATAGRAM,
  sessionError
} from '../net-errors'
import { datagramFd } from '../socket-fd'
import type { ClientConnection } from './client-connection'

export async function connectUdp(
  host: string,
  port: number,
  timeoutMs: number,
  sessions: SessionRegistry
): Promise<ClientConnection> {
  const where = `${host}:${port}`
  let address = host
  if (isIP(host) === 0) {
    try {
      address = (await lookup(host)).address
    } catch (err) {
      throw connectFailure(err, { protocol: 'udp', where })
    }
  }
  const ipv6 = isIP(address) === 6
  const socket = createSocket({ type: ipv6 ? 'udp6' : 'udp4' })
  const session = sessions.open({
    role: 'client',
    protocol: 'udp',
    family: ipv6 ? 'ipv6' : 'ipv4',
    listenerId: null,
    local: { address: '', port: null },
    remote: { address, port },
    fd: null,
    state: 'connecting'
  })
  let closedBy: 'closed' | 'reset' = 'closed'

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close()
      reject(
        connectFailure(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }), {
          protocol: 'udp',
          where,
          timeoutMs
        })
      )
    }, timeoutMs)
    socket.once('error', (err) => {
      clearTimeout(timer)
      sessions.close(session, 'error', sessionError(err))
      reject(connectFailure(err, { protocol: 'udp', where }))
    })
    socket.connect(port, address, () => {
      clearTimeout(timer)
      resolve()
    })
  })

  const local = socket.address()
  session.local = { address: local.address, port: local.port }
  session.fd = datagramFd(socket)
  sessions.setState(session, 'open')
  socket.removeAllListeners('error')
  socket.on('message', (msg) => sessions.received(session, msg))
  // A connected UDP socket hears ICMP "port unreachable" as ECONNREFUSED: note it, stay open.
  socket.on('error', (err) => {
    session.error = datagramRefused(err, where).toJSON()
    sessions.changed(session)
  })
  socket.on('close', () => sessions.close(session, closedBy))

  const max = ipv6 ? MAX_DATAGRAM.ipv6 : MAX_DATAGRAM.ipv4
  return {
    session,
    send: (bytes, done) => {
      if (bytes.byteLength > max) throw datagramTooLarge(bytes.byteLength, max)
      socket.send(bytes, (err) => {
        if (!err) sessions.sent(session, bytes)
        done?.()
      })
    },
    close: () => socket.close(),
    reset: () => {
      // UDP has no reset; closing is all there is.
      closedBy = 'reset'
      socket.close()
    }
  }
}
