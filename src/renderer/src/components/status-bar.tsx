// The window's foot: which source feeds the table, its health, how many rows, how long the
// last poll took, the rate, and what the source cannot see. When the core is gone it says
// so first, in red: nothing below it is live any more.
import { useSyncExternalStore } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { VANISHED_STATE } from '../../../shared/model'
import { locale } from '../i18n'
import { say } from '../i18n/say'
import type { TableStore } from '../store/table-store'
import { formatClock, formatCount } from './format'

export interface StatusBarProps {
  readonly store: TableStore
  /** The recording being replayed, if any: then nothing shown is live. */
  readonly replaying?: string
}

export function StatusBar({ store, replaying }: StatusBarProps): ReactElement {
  const { t } = useTranslation('common')
  const { status, paused, rows, stateCounts, staleSince } = useSyncExternalStore(
    store.subscribe,
    store.getState
  )
  if (staleSince !== null && !replaying) {
    return (
      <footer className="status-bar" aria-label={t('status.aria')} data-health="offline">
        <span data-item="health" role="alert">
          <span className="dot" aria-hidden="true" />{' '}
          {t('status.lost', { at: formatClock(staleSince) })}
        </span>
      </footer>
    )
  }
  if (!status) {
    return (
      <footer className="status-bar" aria-label={t('status.aria')}>
        <span className="muted">{t('status.waiting')}</span>
      </footer>
    )
  }
  // The rows the table holds now, as the header and the Overview count them (not the core's
  // count at its last status, which can be a poll behind).
  const vanished = stateCounts.find(([s]) => s === VANISHED_STATE)?.[1] ?? 0
  const notes = status.blind.map((b) => say(status.blindSaid?.[b], b))
  return (
    <footer
      className="status-bar"
      aria-label={t('status.aria')}
      data-health={status.health}
      data-seq={status.seq}
    >
      {replaying !== undefined ? (
        <span data-item="replay" className="replay-note">
          {t('status.replaying', { name: replaying })}
        </span>
      ) : null}
      <span data-item="source">
        {t('status.source')} <strong>{status.source}</strong>
      </span>
      <span data-item="health">
        <span className="dot" aria-hidden="true" /> {status.health}
      </span>
      <span data-item="rows" title={t('status.rowsTitle')}>
        {t('status.rows', { n: formatCount(rows.length) })}
        {vanished > 0 ? t('status.justClosed', { n: formatCount(vanished) }) : ''}
      </span>
      <span data-item="poll">
        {t('status.poll')}{' '}
        {status.pollMs === null
          ? '—'
          : t('format.ms', {
              n: status.pollMs.toLocaleString(locale(), {
                minimumFractionDigits: 1,
                maximumFractionDigits: 1
              })
            })}
      </span>
      <span data-item="rate">
        {status.polling ? `${status.rateHz} Hz` : t('status.notPolling')}
        {paused ? t('status.viewPaused') : ''}
      </span>
      {notes.length > 0 ? (
        <span data-item="blind" className="muted" title={notes.join('\n')}>
          {t('status.blind', { what: notes.join('; ') })}
        </span>
      ) : null}
    </footer>
  )
}
