// `socket-inspector table`: the connection table in a terminal, as an aligned table like
// ss/tcpvcon, or one JSON object per row (the SocketRow fields, documented in model.ts).
import { formatEndpoint } from '../../shared/endpoint'
import type { SocketProtocol, TableRow, TableSourceId } from '../../shared/model'
import { filterRows } from '../conntable/filter'
import type { RowFilter } from '../conntable/filter'
import type { Inspector } from '../inspector'

export interface TableCliOptions extends RowFilter {
  readonly json?: boolean
  readonly source?: TableSourceId
  readonly watch?: boolean
  readonly intervalMs?: number
}

export const PROTOCOLS: readonly SocketProtocol[] = ['tcp', 'udp', 'unix']

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

function process(r: TableRow): string {
  return r.owners
    .map((o) => `${o.process ?? '?'}(${o.pid}${o.fd === null ? '' : `,fd ${o.fd}`})`)
    .join(' ')
}

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
    process(r)
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

export async function runTable(
  inspector: Inspector,
  opts: TableCliOptions,
  print: (text: string) => void
): Promise<(() => void) | null> {
  if (opts.source) inspector.table.configure({ source: opts.source })
  const show = async (): Promise<void> => {
    const { rows } = await inspector.table.snapshot()
    const chosen = filterRows(rows, opts)
    print(opts.json ? formatJsonLines(chosen) : formatTable(chosen))
    const { blind } = inspector.table.status()
    for (const b of blind) print(`note: ${b}`)
  }
  await show()
  if (!opts.watch) return null
  const timer = setInterval(() => void show().catch(() => undefined), opts.intervalMs ?? 1000)
  return () => clearInterval(timer)
}
