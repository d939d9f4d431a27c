// "Who holds this port?": every socket on it from the live table, joined with what only the
// kernel's sock_diag says (v6only, the TIME_WAIT timer), each holder's user and command line,
// and one verdict per address, settled by a real bind attempt.
import type {
  BindVerdict,
  HolderRole,
  PortHolderInfo,
  PortQuery,
  PortReport
} from '../../shared/actions-model'
import { VERDICT_ADDRESSES } from '../../shared/actions-model'
import type { TableRow } from '../../shared/model'
import { TIME_WAIT_MS } from '../../shared/time-wait'
import type { DiagDetail } from '../conntable/sock-diag'
import { judgeBind } from './bind-verdict'
import type { BindEnv } from './bind-verdict'

/** The id prefix of a socket sock_diag sees that the table's last poll did not. */
export const FRESH_ROW = 'fresh:'

/** Command lines looked up per report, at most (one per distinct pid). */
export const MAX_COMMAND_LOOKUPS = 32

export interface PortReportDeps {
  readonly rows: readonly TableRow[]
  /** sock_diag's view of the port now (Linux); null where there is none. */
  readonly details: readonly DiagDetail[] | null
  readonly env: BindEnv
  readonly blind: readonly string[]
  readonly blindSaid?: PortReport['blindSaid']
  readonly userName: (uid: number) => string | null
  readonly commandLine: (pid: number) => Promise<string | null>
  readonly probe: (
    protocol: 'tcp' | 'udp',
    address: string,
    port: number
  ) => Promise<boolean | null>
  readonly now: number
}

const detailKey = (
  local: string,
  localPort: number | null,
  remote: string,
  remotePort: number
): string => `${local}|${localPort}|${remote}|${remotePort}`

function roleOf(row: TableRow, listened: boolean): HolderRole {
  if (row.state === 'LISTEN') return 'listener'
  if (row.state === 'TIME_WAIT') return 'time-wait'
  if (row.remotePort === null || row.remotePort === 0) return 'bound'
  return listened && row.protocol === 'tcp' ? 'accepted' : 'client'
}

/** When the socket lost its owner: what the table remembered, else when TIME_WAIT began. */
function closedAt(row: TableRow): number | null {
  if (row.leftBy) return row.leftBy.at
  const tw = row.history.find((h) => h.state === 'TIME_WAIT')
  return tw?.since ?? null
}

function holderOf(
  row: TableRow,
  detail: DiagDetail | undefined,
  listened: boolean,
  deps: PortReportDeps
): Omit<PortHolderInfo, 'commandLine'> {
  const role = roleOf(row, listened)
  const at = role === 'time-wait' ? closedAt(row) : null
  const kernelEnd =
    detail?.expiresMs != null && role === 'time-wait' ? deps.now + detail.expiresMs : null
  const estimatedEnd =
    at !== null ? at + (TIME_WAIT_MS[deps.env.platform] ?? TIME_WAIT_MS.linux!) : null
  return {
    rowId: row.id,
    protocol: row.protocol,
    family: row.family === 'ipv6' ? 'ipv6' : 'ipv4',
    localAddress: row.localAddress,
    localPort: row.localPort ?? 0,
    remoteAddress: row.remoteAddress,
    remotePort: row.remotePort,
    state: row.state,
    role,
    v6only: detail?.v6only ?? null,
    uid: row.uid,
    user: row.uid === null ? null : deps.userName(row.uid),
    owners: row.owners,
    leftBy: row.leftBy?.owners ?? null,
    closedAt: at,
    timeWaitEndsAt: kernelEnd ?? estimatedEnd,
    timeWaitEndsEstimated: kernelEnd === null,
    sessionId: row.sessionId,
    listenerId: row.listenerId
  }
}

async function withCommandLines(
  holders: readonly Omit<PortHolderInfo, 'commandLine'>[],
  deps: PortReportDeps
): Promise<PortHolderInfo[]> {
  const pids = [...new Set(holders.map((h) => h.owners[0]?.pid).filter((p) => p !== undefined))]
  const lines = new Map<number, string | null>()
  await Promise.all(
    pids
      .slice(0, MAX_COMMAND_LOOKUPS)
      .map(async (pid) => lines.set(pid, await deps.commandLine(pid)))
  )
  return holders.map((h) => {
    const pid = h.owners[0]?.pid
    return { ...h, commandLine: pid === undefined ? null : (lines.get(pid) ?? null) }
  })
}

/** A socket sock_diag sees that the last poll did not: a row with what the kernel said. */
function freshRow(d: DiagDetail, now: number): TableRow {
  const six = d.localAddress.includes(':')
  const peerless = d.remotePort === 0
  return {
    id: `${FRESH_ROW}${detailKey(d.localAddress, d.localPort, d.remoteAddress, d.remotePort)}`,
    protocol: d.protocol,
    family: six ? 'ipv6' : 'ipv4',
    unixType: null,
    localAddress: d.localAddress,
    localPort: d.localPort,
    remoteAddress: peerless ? null : d.remoteAddress,
    remotePort: peerless ? null : d.remotePort,
    state: d.state,
    sendQueue: null,
    recvQueue: null,
    inode: d.inode,
    peerInode: null,
    uid: d.uid,
    owners: [],
    tcpInfo: null,
    timer: null,
    firstSeen: now,
    history: [{ state: d.state, since: now }],
    closingSince: null,
    sessionId: null,
    listenerId: null
  }
}

/**
 * The table's rows on the port, each with its sock_diag detail. Where sock_diag answered,
 * it is the fresher truth: rows it no longer sees are gone, sockets it sees that the last
 * poll missed are added.
 */
function holderRows(
  port: number,
  protocol: 'tcp' | 'udp',
  deps: PortReportDeps
): { row: TableRow; detail: DiagDetail | undefined }[] {
  const rows = deps.rows.filter(
    (r) => r.localPort === port && r.protocol === protocol && r.closingSince === null
  )
  if (deps.details === null) return rows.map((row) => ({ row, detail: undefined }))
  const byInode = new Map<number, TableRow>()
  const byTuple = new Map<string, TableRow[]>()
  for (const r of rows) {
    if (r.inode !== null) byInode.set(r.inode, r)
    const key = detailKey(r.localAddress, r.localPort, r.remoteAddress ?? '*', r.remotePort ?? 0)
    byTuple.set(key, [...(byTuple.get(key) ?? []), r])
  }
  // Each socket the kernel has now, with the table's row for it (its owners and history).
  return deps.details.map((d) => {
    const peer = d.remotePort === 0 ? '*' : d.remoteAddress
    const same = byTuple.get(detailKey(d.localAddress, d.localPort, peer, d.remotePort))
    const row =
      (d.inode !== null ? byInode.get(d.inode) : undefined) ??
      same?.find((r) => r.state === d.state) ??
      same?.[0]
    if (!row) return { row: freshRow(d, deps.now), detail: d }
    return { row: row.state === d.state ? row : { ...row, state: d.state }, detail: d }
  })
}

export async function portReport(query: PortQuery, deps: PortReportDeps): Promise<PortReport> {
  const protocol = query.protocol ?? 'tcp'
  const { port } = query
  const found = holderRows(port, protocol, deps)
  const listened = found.some((f) => f.row.state === 'LISTEN')
  const bare = found.map((f) => holderOf(f.row, f.detail, listened, deps))
  const holders = await withCommandLines(bare, deps)
  const addresses = [...new Set([query.address ?? '127.0.0.1', ...VERDICT_ADDRESSES])]
  const verdicts: BindVerdict[] = []
  // One at a time: each probe holds the port for a moment, and must not meet the next.
  for (const address of addresses) {
    const probe = port === 0 ? null : await deps.probe(protocol, address, port)
    verdicts.push(judgeBind(address, port, holders, deps.env, probe, deps.now))
  }
  const said = deps.blindSaid ?? {}
  return { port, protocol, holders, verdicts, blind: deps.blind, blindSaid: said, at: deps.now }
}
