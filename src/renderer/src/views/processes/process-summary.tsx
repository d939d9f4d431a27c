// One process's line in the tree: who it is, and its figures.
import { useTranslation } from 'react-i18next'
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
  const { t } = useTranslation('processes')
  const chain = node.parents
    .map((p) => t('summary.parent', { name: p.name ?? '?', pid: p.pid }))
    .join(' ← ')
  const hasBytes = node.bytesIn !== null
  return (
    <div className="process-summary">
      <div className="process-title">
        <strong>{node.name}</strong>{' '}
        <span className="muted">{t('summary.pid', { pid: node.pid })}</span>
        {node.user ? <span className="muted"> · {node.user}</span> : null}
        <span className="process-figures">
          <span title={t('summary.socketsTitle')}>
            {t('summary.sockets', { count: node.sockets })}
          </span>
          {node.listening.length > 0 ? (
            <span title={t('summary.listeningTitle')}>
              {t('summary.listening', { ports: node.listening.join(', ') })}
            </span>
          ) : null}
          <span title={t('summary.bytesTitle')}>
            {hasBytes
              ? t('summary.bytes', {
                  in: formatBytes(node.bytesIn),
                  out: formatBytes(node.bytesOut)
                })
              : t('summary.noBytes')}
          </span>
          {hasBytes && node.inRate !== null ? (
            <span title={t('summary.rateTitle')}>
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
        {node.exe ? <div>{t('summary.exe', { exe: node.exe })}</div> : null}
        {chain ? <div>{t('summary.parents', { chain })}</div> : null}
      </div>
    </div>
  )
}
