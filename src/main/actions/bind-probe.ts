// The ground truth for a verdict: try to bind, the way Node's listen (TCP) or a dgram socket
// (UDP) does, and let go at once. Also finds a free port near another.
import { createSocket } from 'node:dgram'
import { createServer } from 'node:net'
import { FREE_PORT_SPAN } from '../../shared/actions-model'

/** true = bound, false = in use or not allowed, null = cannot tell (no such address here). */
export function probeBind(
  protocol: 'tcp' | 'udp',
  address: string,
  port: number
): Promise<boolean | null> {
  const judge = (err: NodeJS.ErrnoException): boolean | null =>
    err.code === 'EADDRINUSE' || err.code === 'EACCES' ? false : null
  if (protocol === 'udp') {
    return new Promise((resolve) => {
      const s = createSocket({ type: address.includes(':') ? 'udp6' : 'udp4' })
      s.once('error', (err) => {
        s.close()
        resolve(judge(err))
      })
      s.bind({ address, port, exclusive: true }, () => s.close(() => resolve(true)))
    })
  }
  return new Promise((resolve) => {
    const s = createServer()
    s.once('error', (err) => resolve(judge(err)))
    s.listen({ host: address, port, exclusive: true, backlog: 1 }, () =>
      s.close(() => resolve(true))
    )
  })
}

/** Tries near+1, near-1, near+2, … within FREE_PORT_SPAN; null when none is free. */
export async function findFreePort(
  protocol: 'tcp' | 'udp',
  address: string,
  near: number,
  lowest: number
): Promise<number | null> {
  for (let step = 1; step <= FREE_PORT_SPAN; step++) {
    for (const port of [near + step, near - step]) {
      if (port < Math.max(1, lowest) || port > 65535) continue
      if ((await probeBind(protocol, address, port)) === true) return port
    }
  }
  return null
}
