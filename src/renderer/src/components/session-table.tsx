// A session as one row of the Echo view's list: the app's counters beside the kernel's view
// of the same socket (app state and kernel state, the app's bytes and TCP_INFO's, queues),
// duration, the last minute's bytes a second, and the row's actions. Memoized: with 1,000
// sessions only the rows in view render, and only when their session or selection changes.
import { memo } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { formatEndpoint } from '../../../shared/endpoint'
import { localizeError } from '../../../shared/error-ids'
import type { Session } from '../../../shared/model'
import { i18n } from '../i18n'
import type { RateHistory } from '../store/rate-history'
import { formatDuration } from './format'
import { Sparkline } from './sparkline'

export const SESSION_ROW_HEIGHT = 30

export type SessionAction = 'close' | 'reset' | 'export' | 'dismiss'

export interface SessionColumn {
  readonly key: string
  /** The key of the column's name in the `echo` namespace. */
  readonly title: string
  readonly width: string
  readonly numeric?: boolean
  /** The key of the column's explanation in the `echo` namespace. */
  readonly hint?: string
}

/** One list of the columns: the header and every row are drawn from it. */
export const SESSION_COLUMNS: readonly SessionColumn[] = [
  { key: 'id', title: 'column.id', width: '64px' },
  { key: 'remote', title: 'column.remote', width: 'minmax(150px, 1.4fr)' },
  { key: 'local', title: 'column.local', width: 'minmax(130px, 1fr)' },
  { key: 'fd', title: 'column.fd', width: '40px', numeric: true },
  { key: 'app-state', title: 'column.appState', width: 'minmax(90px, 1fr)' },
  { key: 'kernel-state', title: 'column.kernelState', width: '96px' },
  {
    key: 'bytes-in',
    title: 'column.bytesIn',
    width: '70px',
    numeric: true,
    hint: 'column.bytesInHint'
  },
  {
    key: 'bytes-out',
    title: 'column.bytesOut',
    width: '70px',
    numeric: true,
    hint: 'column.bytesOutHint'
  },
  {
    key: 'chunks',
    title: 'column.chunks',
    width: '72px',
    numeric: true,
    hint: 'column.chunksHint'
  },
  {
    key: 'kernel-bytes',
    title: 'column.kernelBytes',
    width: '104px',
    numeric: true,
    hint: 'column.kernelBytesHint'
  },
  {
    key: 'queues',
    title: 'column.queues',
    width: '60px',
    numeric: true,
    hint: 'column.queuesHint'
  },
  { key: 'duration', title: 'column.duration', width: '78px' },
  { key: 'spark', title: 'column.spark', width: '96px' },
  { key: 'actions', title: 'column.actions', width: '150px' }
]

export const SESSION_TEMPLATE = SESSION_COLUMNS.map((c) => c.width).join(' ')

function kernelBytes(s: Session): string {
  const info = s.kernel?.tcpInfo
  if (!info) return '—'
  return `${info.bytesReceived ?? '—'} / ${info.bytesSent ?? '—'}`
}

function appState(s: Session): string {
  if (s.error) return `${s.state}: ${localizeError(s.error, i18n).message}`
  return s.closeReason ? `${s.state} (${s.closeReason})` : s.state
}

export const isLiveSession = (s: Session): boolean => s.state !== 'closed' && s.state !== 'error'

export interface SessionRowProps {
  readonly session: Session
  readonly start: number
  readonly selected: boolean
  readonly rates: RateHistory
  readonly now: number
  readonly onSelect: (id: string) => void
  readonly onAction: (id: string, action: SessionAction) => void
}

function RowActions({
  session,
  onAction
}: Pick<SessionRowProps, 'session' | 'onAction'>): ReactElement {
  const { t } = useTranslation('echo')
  const live = isLiveSession(session)
  const act =
    (action: SessionAction) =>
    (e: React.MouseEvent): void => {
      // The row's own click selects; an action should not also change the selection.
      e.stopPropagation()
      onAction(session.id, action)
    }
  return (
    <div role="cell" className="row-actions" data-col="actions">
      {live ? (
        <>
          <button type="button" onClick={act('close')} title={t('row.closeTitle')}>
            {t('row.close')}
          </button>
          <button type="button" onClick={act('reset')} title={t('row.resetTitle')}>
            {t('row.reset')}
          </button>
        </>
      ) : (
        <button type="button" onClick={act('dismiss')} title={t('row.dismissTitle')}>
          {t('row.dismiss')}
        </button>
      )}
      <button type="button" onClick={act('export')} title={t('row.exportTitle')}>
        {t('row.export')}
      </button>
    </div>
  )
}

export const SessionRow = memo(function SessionRow({
  session: s,
  start,
  selected,
  rates,
  now,
  onSelect,
  onAction
}: SessionRowProps): ReactElement {
  return (
    <div
      role="row"
      className="session-row"
      data-session={s.id}
      data-group={s.listenerId ?? 'clients'}
      data-state={s.state}
      aria-selected={selected}
      onClick={() => onSelect(s.id)}
      style={{
        gridTemplateColumns: SESSION_TEMPLATE,
        height: SESSION_ROW_HEIGHT,
        transform: `translateY(${start}px)`
      }}
    >
      <div role="cell" data-col="id">
        {s.id}
      </div>
      <div role="cell" data-col="remote">
        {formatEndpoint(s.remote)}
      </div>
      <div role="cell" data-col="local">
        {formatEndpoint(s.local)}
      </div>
      <div role="cell" data-col="fd" className="num">
        {s.fd ?? '—'}
      </div>
      <div role="cell" data-col="app-state" data-state={s.state} title={appState(s)}>
        {appState(s)}
      </div>
      <div role="cell" data-col="kernel-state">
        {s.kernel?.state ?? '—'}
      </div>
      <div role="cell" data-col="bytes-in" className="num">
        {s.bytesIn}
      </div>
      <div role="cell" data-col="bytes-out" className="num">
        {s.bytesOut}
      </div>
      <div role="cell" data-col="chunks" className="num">
        {s.chunksIn} / {s.chunksOut}
      </div>
      <div role="cell" data-col="kernel-bytes" className="num">
        {kernelBytes(s)}
      </div>
      <div role="cell" data-col="queues" className="num">
        {s.kernel ? `${s.kernel.sendQueue ?? '—'} / ${s.kernel.recvQueue ?? '—'}` : '—'}
      </div>
      <div role="cell" data-col="duration">
        {formatDuration((s.closedAt ?? now) - s.openedAt)}
      </div>
      <div role="cell" data-col="spark">
        <Sparkline rates={rates} id={s.id} now={now} />
      </div>
      <RowActions session={s} onAction={onAction} />
    </div>
  )
})
