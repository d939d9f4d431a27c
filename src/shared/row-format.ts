// Rows as text for people and programs: the aligned table the CLI prints (like ss or
// tcpvcon) and "Copy row" copies, CSV and JSON for export, JSON lines for `table --json`.
// Pure; shared by the CLI and the renderer so both say the same thing.
import { formatEndpoint } from './endpoint'
import type { TableRow } from './model'

function peer(r: TableRow): string {
  if (r.protocol === 'unix') return r.peerInode !== null ? `peer ${r.peerInode}` : '*'
  return r.remoteAddress === null
    ? '*'
    : formatEndpoint({ address: r.remoteAddress, port: r.remotePort })
}

function local(r: TableRow): string {
  if (r.protocol === 'unix') return r.localAddress || '(unnamed)'
  return formatEndpoint({ address: r.localAddress, port: r.localPort })
}

function processes(r: TableRow): string {
  return r.owners
    .map((o) => `${o.process ?? '?'}(${o.pid}${o.fd === null ? '' : `,fd ${o.fd}`})`)
    .join(' ')
}

/** An aligned text table with a header, like ss. */
export function formatTable(rows: readonly TableRow[]): string {
  const header = ['Proto', 'State', 'Recv-Q', 'Send-Q', 'Local', 'Peer', 'Process']
  const cells = rows.map((r) => [
    r.protocol === 'unix'
      ? `unix/${r.unixType ?? '?'}`
      : `${r.protocol}${r.family === 'ipv6' ? '6' : ''}`,
    r.state ?? '-',
    r.recvQueue === null ? '-' : String(r.recvQueue),
    r.sendQueue === null ? '-' : String(r.sendQueue),
    local(r),
    peer(r),
    processes(r)
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (c: readonly string[]): string =>
    c
      .map((v, i) =>
        i === 2 || i === 3 ? v.padStart(widths[i]!) : i === c.length - 1 ? v : v.padEnd(widths[i]!)
      )
      .join('  ')
      .trimEnd()
  return [line(header), ...cells.map(line)].join('\n')
}

export function formatJsonLines(rows: readonly TableRow[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n')
}

const CSV_COLUMNS: ReadonlyArray<readonly [string, (r: TableRow) => string | number | null]> = [
  ['protocol', (r) => r.protocol],
  ['family', (r) => r.family],
  ['local_address', (r) => r.localAddress],
  ['local_port', (r) => r.localPort],
  ['remote_address', (r) => r.remoteAddress],
  ['remote_port', (r) => r.remotePort],
  ['state', (r) => r.state],
  ['send_queue', (r) => r.sendQueue],
  ['recv_queue', (r) => r.recvQueue],
  ['inode', (r) => r.inode],
  ['uid', (r) => r.uid],
  ['pids', (r) => r.owners.map((o) => o.pid).join(' ')],
  ['processes', (r) => r.owners.map((o) => o.process ?? '?').join(' ')],
  ['fds', (r) => r.owners.map((o) => o.fd ?? '').join(' ')],
  ['bytes_sent', (r) => r.tcpInfo?.bytesSent ?? null],
  ['bytes_acked', (r) => r.tcpInfo?.bytesAcked ?? null],
  ['bytes_received', (r) => r.tcpInfo?.bytesReceived ?? null],
  ['rtt_ms', (r) => r.tcpInfo?.rttMs ?? null],
  ['first_seen', (r) => new Date(r.firstSeen).toISOString()],
  ['closing', (r) => (r.closingSince === null ? '' : 'yes')]
]

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** CSV with a header line; lines end in CRLF, as RFC 4180 and spreadsheets expect. */
export function formatCsv(rows: readonly TableRow[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')]
  for (const r of rows) lines.push(CSV_COLUMNS.map(([, get]) => csvField(get(r))).join(','))
  return lines.join('\r\n') + '\r\n'
}

/** A JSON array of rows, with the same field names as `socket-inspector table --json`. */
export function formatJson(rows: readonly TableRow[]): string {
  return JSON.stringify(rows, null, 2)
}
