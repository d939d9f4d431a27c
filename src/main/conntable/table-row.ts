// One table row's making and comparing, and carrying rows over when the source changes.
import type { LeftBy, SocketRow, StateChange, TableRow, TcpInfo } from '../../shared/model'
import { ownersEqual } from './row'

export const tupleKey = (r: SocketRow): string =>
  `${r.protocol}|${r.localAddress}|${r.localPort}|${r.remoteAddress}|${r.remotePort}`

const sameTcpInfo = (a: TcpInfo | null, b: TcpInfo | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.bytesSent === b.bytesSent &&
    a.bytesAcked === b.bytesAcked &&
    a.bytesReceived === b.bytesReceived &&
    a.rttMs === b.rttMs)

/** What the table shows changed; timers tick every poll and ride along with real changes. */
export function unchanged(prev: TableRow, raw: SocketRow, mine: Ownership): boolean {
  return (
    prev.closingSince === null &&
    prev.state === raw.state &&
    prev.sendQueue === raw.sendQueue &&
    prev.recvQueue === raw.recvQueue &&
    prev.sessionId === mine.sessionId &&
    prev.listenerId === mine.listenerId &&
    ownersEqual(prev.owners, raw.owners) &&
    sameTcpInfo(prev.tcpInfo, raw.tcpInfo)
  )
}

export interface Ownership {
  readonly sessionId: string | null
  readonly listenerId: string | null
}

export const NOT_OURS: Ownership = { sessionId: null, listenerId: null }

/** Built field by field: a spread of a 17-field row per socket per poll was most of a poll. */
export function tableRow(
  raw: SocketRow,
  id: string,
  firstSeen: number,
  history: readonly StateChange[],
  mine: Ownership,
  leftBy: LeftBy | null = null
): TableRow {
  return {
    id,
    protocol: raw.protocol,
    family: raw.family,
    unixType: raw.unixType,
    localAddress: raw.localAddress,
    localPort: raw.localPort,
    remoteAddress: raw.remoteAddress,
    remotePort: raw.remotePort,
    state: raw.state,
    sendQueue: raw.sendQueue,
    recvQueue: raw.recvQueue,
    inode: raw.inode,
    peerInode: raw.peerInode,
    uid: raw.uid,
    owners: raw.owners,
    tcpInfo: raw.tcpInfo,
    timer: raw.timer,
    firstSeen,
    history,
    closingSince: null,
    sessionId: mine.sessionId,
    listenerId: mine.listenerId,
    leftBy
  }
}

/** An orphaned socket keeps who held it last: a TIME_WAIT row can say who left it. */
export function leftByOf(prev: TableRow | undefined, raw: SocketRow, now: number): LeftBy | null {
  if (raw.owners.length > 0 || !prev) return null
  if (prev.owners.length > 0) return { owners: prev.owners, at: now }
  return prev.leftBy ?? null
}

/**
 * Another source names sockets differently. Gives each row of the new source the id the
 * same socket had (same inode, else the same unique 5-tuple), so its history, first-seen
 * time and age carry over; drops at once the rows the new source does not show (they
 * are not known to have closed). Returns the dropped ids.
 */
export function rekeyRows(
  rows: Map<string, TableRow>,
  aliases: Map<string, string>,
  incoming: readonly SocketRow[]
): string[] {
  aliases.clear()
  const byInode = new Map<string, TableRow>()
  const byTuple = new Map<string, TableRow | null>()
  for (const row of rows.values()) {
    if (row.closingSince !== null) continue
    if (row.inode !== null) byInode.set(`${row.protocol}|${row.inode}`, row)
    if (row.protocol !== 'unix') {
      const key = tupleKey(row)
      byTuple.set(key, byTuple.has(key) ? null : row) // null: not unique, no match
    }
  }
  const kept = new Set<string>()
  for (const raw of incoming) {
    // The same id is the same socket, whichever source named it.
    if (rows.has(raw.id)) {
      kept.add(raw.id)
      continue
    }
    const was =
      (raw.inode !== null ? byInode.get(`${raw.protocol}|${raw.inode}`) : undefined) ??
      (raw.protocol !== 'unix' ? byTuple.get(tupleKey(raw)) : undefined)
    if (!was || kept.has(was.id)) continue
    kept.add(was.id)
    if (was.id !== raw.id) aliases.set(raw.id, was.id)
  }
  const dropped: string[] = []
  for (const [id, row] of rows) {
    if (row.closingSince !== null || kept.has(id)) continue
    rows.delete(id)
    dropped.push(id)
  }
  return dropped
}
