// `socket-inspector port`'s text: each holder on a line, then one verdict per address.
import type { PortHolderInfo, PortReport } from '../../shared/actions-model'
import { formatEndpoint } from '../../shared/endpoint'

function owner(h: PortHolderInfo, now: number): string {
  const o = h.owners[0]
  if (o) return `${o.process ?? '?'}(${o.pid}${o.fd === null ? '' : `,fd ${o.fd}`})`
  const left = h.leftBy?.[0]
  if (left) {
    const ago = h.closedAt === null ? '' : `, closed ${Math.round((now - h.closedAt) / 1000)} s ago`
    return `left by ${left.process ?? '?'} (pid ${left.pid})${ago}`
  }
  return '-'
}

function bound(h: PortHolderInfo): string {
  const at = formatEndpoint({ address: h.localAddress, port: h.localPort })
  return h.v6only === null || h.localAddress !== '::'
    ? at
    : `${at} ${h.v6only ? 'v6only' : 'dual-stack'}`
}

export function formatPortReport(r: PortReport, now: number): string {
  const lines: string[] = []
  if (r.holders.length === 0)
    lines.push(`Nothing holds ${r.protocol.toUpperCase()} port ${r.port}.`)
  else {
    const rows = r.holders.map((h) => [
      h.state ?? '-',
      h.role,
      bound(h),
      h.remotePort === null
        ? '*'
        : formatEndpoint({ address: h.remoteAddress ?? '?', port: h.remotePort }),
      h.user ?? (h.uid === null ? '-' : String(h.uid)),
      owner(h, now)
    ])
    const head = ['State', 'Role', 'Bound', 'Peer', 'User', 'Process']
    const widths = head.map((t, i) => Math.max(t.length, ...rows.map((row) => row[i]!.length)))
    for (const row of [head, ...rows])
      lines.push(
        row
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd()
      )
  }
  lines.push('')
  for (const v of r.verdicts) lines.push(v.sentence)
  for (const b of r.blind) lines.push(`note: ${b}`)
  return lines.join('\n')
}
