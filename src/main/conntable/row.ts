// Building SocketRows the same way from every source.
import type { AddressFamily, SocketOwner, SocketRow } from '../../shared/model'

type Optional = 'unixType' | 'uid' | 'tcpInfo' | 'timer' | 'inode' | 'peerInode'
export type RowInput = Omit<SocketRow, 'id' | Optional> &
  Partial<Pick<SocketRow, Optional>> & {
    /** A kernel identity other than an inode (macOS lsof's socket address "0x…"). */
    readonly identity?: string | null
  }

/** Built field by field (no spreads): parsers make tens of thousands of these a poll. */
export function makeRow(input: RowInput): SocketRow {
  const row = {
    id: '',
    protocol: input.protocol,
    family: input.family,
    unixType: input.unixType ?? null,
    localAddress: input.localAddress,
    localPort: input.localPort,
    remoteAddress: input.remoteAddress,
    remotePort: input.remotePort,
    state: input.state,
    sendQueue: input.sendQueue,
    recvQueue: input.recvQueue,
    inode: input.inode ?? null,
    peerInode: input.peerInode ?? null,
    uid: input.uid ?? null,
    owners: input.owners,
    tcpInfo: input.tcpInfo ?? null,
    timer: input.timer ?? null
  }
  row.id = input.identity ? `${row.protocol}:${input.identity}` : rowId(row)
  return row
}

const NO_OWNERS: readonly SocketOwner[] = Object.freeze([])

/**
 * Gives a read's rows their owners, in place: rows just parsed, or rows a source reuses
 * from its previous read (row-reuse.ts), which must lose owners they no longer have.
 */
export function attachOwners(
  rows: SocketRow[],
  owners: ReadonlyMap<number, readonly SocketOwner[]>
): void {
  for (const row of rows) {
    const found = (row.inode === null ? undefined : owners.get(row.inode)) ?? NO_OWNERS
    if (row.owners !== found && (found.length > 0 || row.owners.length > 0))
      (row as { owners: readonly SocketOwner[] }).owners = found
  }
}

/** The inode where the OS gives one; else protocol, both ends and the first owner's pid. */
export function rowId(row: Omit<SocketRow, 'id'>): string {
  if (row.inode !== null && row.inode > 0) return `${row.protocol}:${row.inode}`
  const pid = row.owners[0]?.pid ?? ''
  return `${row.protocol}:${row.localAddress}:${row.localPort ?? ''}>${row.remoteAddress ?? ''}:${row.remotePort ?? ''}/${pid}`
}

export function familyOf(address: string): AddressFamily {
  return address.includes(':') ? 'ipv6' : 'ipv4'
}

/** Splits "127.0.0.1:80", "[::1]:80", "*:*", "0.0.0.0%virbr0:67", "fe80::1%9:22" at the port. */
export function splitHostPort(text: string): { address: string; port: number | null } {
  const i = text.lastIndexOf(':')
  if (i < 0) return { address: text, port: null }
  let address = text.slice(0, i)
  const portText = text.slice(i + 1)
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1)
  const port = /^\d+$/.test(portText) ? Number(portText) : null
  return { address: address || '*', port }
}

export function ownersEqual(a: readonly SocketOwner[], b: readonly SocketOwner[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((o, i) => o.pid === b[i]!.pid && o.fd === b[i]!.fd && o.process === b[i]!.process))
  )
}
