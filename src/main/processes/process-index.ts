// The table grouped by process, kept up to date from each poll's diff: the cost of a poll
// follows what changed, not the table's size, so the tree can be asked for every second
// of a 20,000-socket table. Closing and kept-closed rows are left out, as ss leaves them.
// Bytes moved between two answers (per socket, from TCP_INFO) give each process's rate.
import type { TableDiff, TableRow } from '../../shared/model'
import { NO_PROCESS_PID, ownerPids } from '../../shared/process-groups'
import { CLOSED_ID_PREFIX } from '../conntable/closed-history'

export interface IndexedGroup {
  readonly pid: number
  name: string
  readonly ids: Set<string>
  readonly byState: Map<string, number>
  readonly byProtocol: Map<string, number>
  /** Listening port (or Unix path) → sockets listening there. */
  readonly listening: Map<number | string, number>
  /** Sockets with TCP_INFO, and their byte sums. */
  withBytes: number
  bytesIn: number
  bytesOut: number
  /** Bytes moved since the last take(), for rates. */
  movedIn: number
  movedOut: number
}

const bump = <K>(m: Map<K, number>, k: K, by: number): void => {
  const n = (m.get(k) ?? 0) + by
  if (n === 0) m.delete(k)
  else m.set(k, n)
}

function listenKey(r: TableRow): number | string | null {
  if (r.state !== 'LISTEN' && !(r.protocol === 'udp' && r.remoteAddress === null)) return null
  const where = r.protocol === 'unix' ? r.localAddress : r.localPort
  return where === null || where === '' ? null : where
}

const counted = (r: TableRow): boolean =>
  r.closingSince === null && !r.id.startsWith(CLOSED_ID_PREFIX)

export class ProcessIndex {
  private readonly rows = new Map<string, TableRow>()
  readonly groups = new Map<number, IndexedGroup>()

  apply(diff: TableDiff): void {
    for (const r of diff.added) this.put(r)
    for (const r of diff.changed) this.put(r)
    for (const id of diff.removed) {
      const prev = this.rows.get(id)
      if (prev) this.account(prev, -1)
      this.rows.delete(id)
    }
  }

  /** Another source names sockets differently: start again from its first diff. */
  reset(): void {
    this.rows.clear()
    this.groups.clear()
  }

  row(id: string): TableRow | undefined {
    return this.rows.get(id)
  }

  private put(r: TableRow): void {
    const prev = this.rows.get(r.id)
    if (prev) this.account(prev, -1)
    this.rows.set(r.id, r)
    this.account(r, 1)
    if (prev?.tcpInfo && r.tcpInfo && counted(r)) this.moved(prev, r)
  }

  private moved(prev: TableRow, r: TableRow): void {
    const dIn = Math.max(0, (r.tcpInfo!.bytesReceived ?? 0) - (prev.tcpInfo!.bytesReceived ?? 0))
    const dOut = Math.max(0, (r.tcpInfo!.bytesSent ?? 0) - (prev.tcpInfo!.bytesSent ?? 0))
    if (dIn === 0 && dOut === 0) return
    for (const pid of ownerPids(r.owners)) {
      const g = this.groups.get(pid)
      if (!g) continue
      g.movedIn += dIn
      g.movedOut += dOut
    }
  }

  private account(r: TableRow, sign: 1 | -1): void {
    if (!counted(r)) return
    const pids = r.owners.length === 0 ? [NO_PROCESS_PID] : ownerPids(r.owners)
    for (const pid of pids) {
      const g = this.group(pid, r)
      if (sign === 1) g.ids.add(r.id)
      else g.ids.delete(r.id)
      bump(g.byState, r.state ?? '?', sign)
      bump(g.byProtocol, r.protocol, sign)
      const where = listenKey(r)
      if (where !== null) bump(g.listening, where, sign)
      if (r.tcpInfo) {
        g.withBytes += sign
        g.bytesIn += sign * (r.tcpInfo.bytesReceived ?? 0)
        g.bytesOut += sign * (r.tcpInfo.bytesSent ?? 0)
      }
      if (g.ids.size === 0) this.groups.delete(pid)
    }
  }

  private group(pid: number, r: TableRow): IndexedGroup {
    let g = this.groups.get(pid)
    if (!g) {
      const name =
        pid === NO_PROCESS_PID
          ? '(no process visible)'
          : (r.owners.find((o) => o.pid === pid)?.process ?? '?')
      g = {
        pid,
        name,
        ids: new Set(),
        byState: new Map(),
        byProtocol: new Map(),
        listening: new Map(),
        withBytes: 0,
        bytesIn: 0,
        bytesOut: 0,
        movedIn: 0,
        movedOut: 0
      }
      this.groups.set(pid, g)
    }
    return g
  }
}
