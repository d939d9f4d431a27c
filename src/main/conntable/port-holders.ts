// "Who holds this port?" for the EADDRINUSE hint. Linux reads procfs; elsewhere the answer
// is empty until the connection-table sources for those systems exist.
import { readFile } from 'node:fs/promises'
import type { InetProtocol, ProcInetRow } from './procfs-inet'
import { parseProcNetInet } from './procfs-inet'
import { scanSocketOwners } from './owners'
import type { SocketOwner } from './owners'

export interface PortHolder {
  readonly protocol: InetProtocol
  readonly address: string
  readonly port: number
  readonly state: string
  readonly owners: readonly SocketOwner[]
}

async function readRows(protocol: InetProtocol): Promise<ProcInetRow[]> {
  const read = async (file: string, family: 'ipv4' | 'ipv6'): Promise<ProcInetRow[]> => {
    try {
      return parseProcNetInet(await readFile(file, 'utf8'), protocol, family)
    } catch {
      return []
    }
  }
  return [
    ...(await read(`/proc/net/${protocol}`, 'ipv4')),
    ...(await read(`/proc/net/${protocol}6`, 'ipv6'))
  ]
}

/** Sockets bound to the port: TCP listeners (TCP) or any bound socket (UDP). */
export async function findPortHolders(protocol: InetProtocol, port: number): Promise<PortHolder[]> {
  if (process.platform !== 'linux') return []
  const rows = (await readRows(protocol)).filter(
    (r) => r.localPort === port && (protocol === 'udp' || r.state === 'LISTEN')
  )
  if (rows.length === 0) return []
  const { owners } = await scanSocketOwners(new Set(rows.map((r) => r.inode)))
  return rows.map((r) => ({
    protocol,
    address: r.localAddress,
    port: r.localPort,
    state: r.state,
    owners: owners.get(r.inode) ?? []
  }))
}

/** "nginx (pid 812)", or null when no owner could be seen. */
export function describeHolders(holders: readonly PortHolder[]): string | null {
  const names = new Set<string>()
  for (const h of holders) for (const o of h.owners) names.add(`${o.process} (pid ${o.pid})`)
  return names.size > 0 ? [...names].join(', ') : null
}
