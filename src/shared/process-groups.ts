// The table grouped by process: each process with its sockets, counts by state and
// protocol, listening ports, and TCP_INFO bytes in and out (Linux netlink and ss -i give
// them; other sources have none, and the totals say null rather than 0). A socket held by
// several processes (an inherited fd) counts under each. Pure and shared.
import type { SocketRow, TcpInfo } from './model'

/** Sockets no process could be named for (another user's, without root). */
export const NO_PROCESS_PID = 0

export interface ProcessGroup<R extends SocketRow = SocketRow> {
  readonly pid: number
  readonly name: string
  readonly rows: readonly R[]
  readonly byState: Readonly<Record<string, number>>
  readonly byProtocol: Readonly<Record<string, number>>
  /** Listening TCP ports and bound UDP ports, ascending; Unix listeners by path. */
  readonly listening: readonly (number | string)[]
  /** Sum of TCP_INFO bytes received / sent; null when no socket of it has TCP_INFO. */
  readonly bytesIn: number | null
  readonly bytesOut: number | null
}

interface Building<R> {
  pid: number
  name: string
  rows: R[]
  byState: Record<string, number>
  byProtocol: Record<string, number>
  listening: Set<number | string>
  bytesIn: number | null
  bytesOut: number | null
}

function add<R extends SocketRow>(g: Building<R>, r: R): void {
  g.rows.push(r)
  const state = r.state ?? '?'
  g.byState[state] = (g.byState[state] ?? 0) + 1
  g.byProtocol[r.protocol] = (g.byProtocol[r.protocol] ?? 0) + 1
  if (r.state === 'LISTEN' || (r.protocol === 'udp' && r.remoteAddress === null)) {
    const where = r.protocol === 'unix' ? r.localAddress : r.localPort
    if (where !== null && where !== '') g.listening.add(where)
  }
  if (r.tcpInfo) {
    g.bytesIn = (g.bytesIn ?? 0) + (r.tcpInfo.bytesReceived ?? 0)
    g.bytesOut = (g.bytesOut ?? 0) + (r.tcpInfo.bytesSent ?? 0)
  }
}

export function groupByProcess<R extends SocketRow>(rows: Iterable<R>): ProcessGroup<R>[] {
  const groups = new Map<number, Building<R>>()
  const group = (pid: number, name: string): Building<R> => {
    let g = groups.get(pid)
    if (!g) {
      g = {
        pid,
        name,
        rows: [],
        byState: {},
        byProtocol: {},
        listening: new Set(),
        bytesIn: null,
        bytesOut: null
      }
      groups.set(pid, g)
    }
    return g
  }
  for (const r of rows) {
    if (r.owners.length === 0) {
      add(group(NO_PROCESS_PID, '(no process visible)'), r)
      continue
    }
    // One socket, several fds of one process: count it once for that process.
    if (r.owners.length === 1) add(group(r.owners[0]!.pid, r.owners[0]!.process ?? '?'), r)
    else
      for (const pid of ownerPids(r.owners))
        add(group(pid, r.owners.find((o) => o.pid === pid)!.process ?? '?'), r)
  }
  return [...groups.values()].map((g) => ({
    ...g,
    listening: [...g.listening].sort((a, b) =>
      typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))
    )
  }))
}

/**
 * Bytes a second per process, from each socket's TCP_INFO counters between two samples.
 * Per socket, not per total: a socket that closes takes its bytes with it, and that is no
 * negative rate. Sockets and processes not seen in the last sample are forgotten.
 */
export class ProcessRates {
  /** Each socket's TCP_INFO as last sampled: the table keeps an unchanged row's object. */
  private last = new Map<string, TcpInfo>()
  private lastAt: number | null = null
  private samples = 0
  private rates = new Map<number, { inRate: number; outRate: number }>()

  sample(rows: Iterable<SocketRow>, at: number): void {
    const next = new Map<string, TcpInfo>()
    const sums = new Map<number, { inRate: number; outRate: number }>()
    const dt = this.lastAt === null ? 0 : (at - this.lastAt) / 1000
    for (const r of rows) {
      const info = r.tcpInfo
      if (!info) continue
      next.set(r.id, info)
      const before = this.last.get(r.id)
      // Most sockets are idle: the same object, nothing to add.
      if (!before || before === info || dt <= 0) continue
      const dIn = Math.max(0, (info.bytesReceived ?? 0) - (before.bytesReceived ?? 0)) / dt
      const dOut = Math.max(0, (info.bytesSent ?? 0) - (before.bytesSent ?? 0)) / dt
      if (dIn === 0 && dOut === 0) continue
      for (const pid of ownerPids(r.owners)) {
        const s = sums.get(pid) ?? { inRate: 0, outRate: 0 }
        s.inRate += dIn
        s.outRate += dOut
        sums.set(pid, s)
      }
    }
    this.last = next
    this.lastAt = at
    this.samples++
    this.rates = sums
  }

  /** Bytes a second in and out; zero for a process with no traffic, null before two samples. */
  of(pid: number): { readonly inRate: number; readonly outRate: number } | null {
    if (this.samples < 2) return null
    return this.rates.get(pid) ?? { inRate: 0, outRate: 0 }
  }
}

/** A process in the tree, as the `process:tree` command answers: no rows, their ids. */
export interface ProcessNode {
  readonly pid: number
  readonly name: string
  readonly user: string | null
  readonly command: string | null
  readonly exe: string | null
  /** Parent, grandparent, … (nearest first). */
  readonly parents: readonly { readonly pid: number; readonly name: string | null }[]
  /** How many sockets it holds. */
  readonly sockets: number
  /** The sockets' ids: all of them for a process asked to be expanded, else none. */
  readonly rowIds: readonly string[]
  readonly byState: Readonly<Record<string, number>>
  readonly byProtocol: Readonly<Record<string, number>>
  readonly listening: readonly (number | string)[]
  readonly bytesIn: number | null
  readonly bytesOut: number | null
  /** Bytes a second since the last answer; null on the first. */
  readonly inRate: number | null
  readonly outRate: number | null
}

const NO_PIDS: readonly number[] = []

/** The distinct pids holding a socket, without allocating for the usual one owner. */
export function ownerPids(owners: readonly { readonly pid: number }[]): readonly number[] {
  if (owners.length === 0) return NO_PIDS
  if (owners.length === 1) return [owners[0]!.pid]
  return [...new Set(owners.map((o) => o.pid))]
}
