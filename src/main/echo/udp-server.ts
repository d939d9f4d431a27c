// UDP echo: each datagram goes back to its sender whole (boundaries kept). A peer is one
// session, keyed by its address and port, ended after it has been silent for a while.
import { createSocket } from 'node:dgram'
import type { RemoteInfo } from 'node:dgram'
import { isIP } from 'node:net'
import { sessionError } from '../net-errors'
import { datagramFd } from '../socket-fd'
import type { EchoContext, RunningServer } from './context'
import type { ListenerRecord } from './listener-record'
import type { SessionRecord } from './sessions'

export const UDP_IDLE_TIMEOUT_MS = 30_000
/** Idle peers are looked for this often at most (less for short idle timeouts). */
const SWEEP_MAX_MS = 1_000

interface Peer {
  readonly session: SessionRecord
  lastSeen: number
}

export async function startUdpServer(
  record: ListenerRecord,
  host: string,
  port: number,
  ctx: EchoContext
): Promise<RunningServer> {
  const ipv6 = isIP(host) === 6
  const socket = createSocket({ type: ipv6 ? 'udp6' : 'udp4' })
  const peers = new Map<string, Peer>()
  const idleMs = record.idleTimeoutMs ?? UDP_IDLE_TIMEOUT_MS
  const { sessions } = ctx

  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject)
    socket.bind({ address: host, port, exclusive: true }, () => {
      socket.off('error', reject)
      resolve()
    })
  })
  const bound = socket.address()
  record.family = ipv6 ? 'ipv6' : 'ipv4'
  record.host = bound.address
  record.port = bound.port
  record.fd = datagramFd(socket)
  record.calls.add('socket', null)
  record.calls.add('bind', record.fd, record.address)

  // A steady sender is looked up once, not once per datagram.
  let last: { address: string; port: number; key: string; peer: Peer } | null = null
  const peerFor = (rinfo: RemoteInfo): Peer => {
    if (last && last.port === rinfo.port && last.address === rinfo.address && peers.has(last.key)) {
      return last.peer
    }
    const key = `${rinfo.address}|${rinfo.port}`
    let peer = peers.get(key)
    if (!peer) {
      peer = {
        session: sessions.open({
          role: 'peer',
          protocol: 'udp',
          family: rinfo.family === 'IPv6' ? 'ipv6' : 'ipv4',
          listenerId: record.id,
          local: { address: bound.address, port: bound.port },
          remote: { address: rinfo.address, port: rinfo.port },
          // Every peer shares the server's one socket.
          fd: record.fd,
          state: 'open'
        }),
        lastSeen: Date.now()
      }
      peers.set(key, peer)
      record.sessionsOpen++
      record.sessionsTotal++
    }
    last = { address: rinfo.address, port: rinfo.port, key, peer }
    return peer
  }

  socket.on('message', (msg, rinfo) => {
    const peer = peerFor(rinfo)
    peer.lastSeen = Date.now()
    sessions.received(peer.session, msg)
    record.bytesIn += msg.byteLength
    ctx.listenerChanged(record)
    socket.send(msg, rinfo.port, rinfo.address, (err) => {
      if (err) return
      sessions.sent(peer.session, msg)
      record.bytesOut += msg.byteLength
      ctx.listenerChanged(record)
    })
  })
  socket.on('error', (err) => {
    record.error = { ...sessionError(err), hint: 'The server keeps running.' }
    ctx.listenerChanged(record)
  })

  const endPeer = (key: string, peer: Peer, reason: 'idle' | 'server-stopped'): void => {
    peers.delete(key)
    record.sessionsOpen--
    sessions.close(peer.session, reason)
    ctx.listenerChanged(record)
  }
  const sweep = setInterval(
    () => {
      const now = Date.now()
      for (const [key, peer] of peers) if (now - peer.lastSeen >= idleMs) endPeer(key, peer, 'idle')
    },
    Math.min(SWEEP_MAX_MS, Math.max(50, idleMs / 2))
  )
  sweep.unref()

  return {
    // Peers share the server's socket, so stopping it ends every UDP session.
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep)
        for (const [key, peer] of peers) endPeer(key, peer, 'server-stopped')
        socket.close(() => resolve())
      })
  }
}
