// "Who holds this port?": the sockets bound to it and how each is bound. Pure: it reads
// rows any source produced. The EADDRINUSE hint names them.
import { CLOSED_ID_PREFIX } from './closed-history'
import type { PortHolder, SocketProtocol, SocketRow } from '../../shared/model'

function binding(address: string): PortHolder['binding'] {
  if (address === '0.0.0.0' || address === '::' || address === '*') return 'any'
  if (address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.'))
    return 'loopback'
  return 'address'
}

/** TCP: listeners, and TIME_WAIT leftovers (which alone do not block a bind); UDP: any socket. */
export function holdersOf(
  rows: readonly SocketRow[],
  port: number,
  protocol?: SocketProtocol
): PortHolder[] {
  return rows
    .filter(
      (r) =>
        r.localPort === port &&
        !r.id.startsWith(CLOSED_ID_PREFIX) &&
        (protocol === undefined || r.protocol === protocol) &&
        (r.protocol === 'udp' || r.state === 'LISTEN' || r.state === 'TIME_WAIT')
    )
    .map((r) => ({
      protocol: r.protocol,
      localAddress: r.localAddress,
      localPort: port,
      state: r.state,
      binding: binding(r.localAddress),
      owners: r.owners
    }))
}

/** "nginx (pid 812)", or null when no owner could be seen. */
export function describeHolders(holders: readonly PortHolder[]): string | null {
  const names = new Set<string>()
  for (const h of holders) {
    if (h.state === 'TIME_WAIT') continue
    for (const o of h.owners) names.add(`${o.process ?? 'a process'} (pid ${o.pid})`)
  }
  return names.size > 0 ? [...names].join(', ') : null
}
