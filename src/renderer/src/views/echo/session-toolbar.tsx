// Above the session list: a peer filter, state and server pickers, how many sessions there
// are and how many are shown, the bound on closed sessions kept, and "Clear closed".
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { LIMITS } from '../../../../shared/limits'
import type { Listener, Session } from '../../../../shared/model'
import { isLiveSession } from '../../components/session-table'
import { CLIENTS_GROUP } from './session-rows'
import type { SessionFilter, StateFilter } from './session-rows'
import { describeListener } from './start-server-form'
import { locale } from '../../i18n'

/** Each state filter and the key of its name in the `echo` namespace. */
const STATES: readonly { value: StateFilter; label: string }[] = [
  { value: 'all', label: 'toolbar.anyState' },
  { value: 'live', label: 'toolbar.live' },
  { value: 'closed', label: 'toolbar.closed' },
  { value: 'error', label: 'toolbar.failed' }
]

export interface SessionToolbarProps {
  readonly listeners: readonly Listener[]
  readonly sessions: readonly Session[]
  readonly shown: number
  readonly filter: SessionFilter
  readonly onFilter: (f: SessionFilter) => void
  readonly onClearClosed: () => void
  readonly forgotten: number
}

export function SessionToolbar({
  listeners,
  sessions,
  shown,
  filter,
  onFilter,
  onClearClosed,
  forgotten
}: SessionToolbarProps): ReactElement {
  const { t } = useTranslation('echo')
  const closed = sessions.filter((s) => !isLiveSession(s)).length
  return (
    <div className="session-toolbar">
      <input
        type="search"
        aria-label={t('toolbar.filterAria')}
        placeholder={t('toolbar.filterPlaceholder')}
        value={filter.text}
        onChange={(e) => onFilter({ ...filter, text: e.target.value })}
      />
      <select
        aria-label={t('toolbar.stateAria')}
        value={filter.state}
        onChange={(e) => onFilter({ ...filter, state: e.target.value as StateFilter })}
      >
        {STATES.map((s) => (
          <option key={s.value} value={s.value}>
            {t(s.label)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('toolbar.serverAria')}
        value={filter.server}
        onChange={(e) => onFilter({ ...filter, server: e.target.value })}
      >
        <option value="all">{t('toolbar.everyServer')}</option>
        {listeners.map((l) => (
          <option key={l.id} value={l.id}>
            {l.id}: {describeListener(l)}
          </option>
        ))}
        <option value={CLIENTS_GROUP}>{t('toolbar.clientsOfApp')}</option>
      </select>
      <button type="button" disabled={closed === 0} onClick={onClearClosed}>
        {t('toolbar.clearClosed')}
      </button>
      <span role="status" aria-label={t('toolbar.countAria')} className="muted">
        {t(shown === sessions.length ? 'toolbar.countAll' : 'toolbar.countShown', {
          shown,
          count: sessions.length,
          closed,
          max: LIMITS.closedSessionsKept.toLocaleString(locale())
        })}
        {forgotten > 0 ? t('toolbar.forgotten', { count: forgotten }) : ''}
      </span>
    </div>
  )
}
