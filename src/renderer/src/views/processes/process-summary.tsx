// One process's line in the tree: who it is, and its figures.
import type { ReactElement } from 'react'
import type { ProcessNode } from '../../../../shared/process-groups'
import { formatBytes, formatRate } from '../../components/format'

function counts(record: Readonly<Record<string, number>>): string {
  return Object.entries(record)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(' · ')
}

export function ProcessSummary({ node }: { readonly node: ProcessNode }): ReactElement {
  const chain = node.parents.map((p) => `${p.name ?? '?'} (${p.pid})`).join(' ← ')
  const hasBytes = node.bytesIn !== null
  return (
    <div className="process-summary">
      <div className="process-title">
        <strong>{node.name}</strong> <span className="muted">pid {node.pid}</span>
        {node.user ? <span className="muted"> · {node.user}</span> : null}
        <span className="process-figures">
          <span title="Sockets">{node.sockets} sockets</span>
          {node.listening.length > 0 ? (
            <span title="Listening ports">listening {node.listening.join(', ')}</span>
          ) : null}
          <span title="TCP_INFO bytes received / sent (netlink, ss -i); other sources have none">
            {hasBytes
              ? `in ${formatBytes(node.bytesIn)} · out ${formatBytes(node.bytesOut)}`
              : 'bytes: this source has none'}
          </span>
          {hasBytes && node.inRate !== null ? (
            <span title="Bytes a second, from TCP_INFO deltas">
              ↓ {formatRate(node.inRate)} ↑ {formatRate(node.outRate ?? 0)}
            </span>
          ) : null}
        </span>
      </div>
      <div className="process-detail muted">
        <span>{counts(node.byState)}</span>
        <span> — {counts(node.byProtocol)}</span>
        {node.command ? (
          <div className="process-command" title={node.command}>
            {node.command}
          </div>
        ) : null}
        {node.exe ? <div>exe {node.exe}</div> : null}
        {chain ? <div>parents {chain}</div> : null}
      </div>
    </div>
  )
}
