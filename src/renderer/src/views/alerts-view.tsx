// Alerts: the rules (a small editor, saved in settings), how to be told (desktop or browser
// notifications), and the recent alerts, newest first, each with the row it refers to.
import { useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReactElement } from 'react'
import { RECENT_ALERTS_LIMIT } from '../../../shared/alert-rules'
import { formatClock } from '../components/format'
import { say } from '../i18n/say'
import type { AlertsStore } from '../store/alerts-store'
import { localText, remoteText } from './connections/endpoint-names'
import { RuleEditor } from './alerts/rule-editor'

export interface AlertsViewProps {
  readonly store: AlertsStore
  readonly shell: 'electron' | 'browser'
  readonly onOpenSocket: (rowId: string) => void
}

function BrowserPermission(): ReactElement | null {
  const { t } = useTranslation('alerts')
  const supported = typeof Notification !== 'undefined'
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied')
  if (!supported) return <span className="muted">{t('notify.unsupported')}</span>
  if (permission === 'granted') return <span className="muted">{t('notify.allowed')}</span>
  if (permission === 'denied') return <span className="muted">{t('notify.blocked')}</span>
  return (
    <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
      {t('notify.allow')}
    </button>
  )
}

export function AlertsView({ store, shell, onOpenSocket }: AlertsViewProps): ReactElement {
  const { t } = useTranslation('alerts')
  const state = useSyncExternalStore(store.subscribe, store.getState)
  useEffect(() => store.markSeen(), [store, state.unseen])
  const recent = [...state.recent].reverse()
  return (
    <div className="alerts">
      <section className="panel" aria-label={t('rules.aria')}>
        <h2>{t('rules.title')}</h2>
        <RuleEditor store={store} rules={state.rules} />
        <div className="toolbar-row">
          <label className="check">
            <input
              type="checkbox"
              checked={state.notify}
              onChange={() =>
                void store.saveRules(state.rules, !state.notify).catch(() => undefined)
              }
            />
            {shell === 'electron' ? t('notify.desktop') : t('notify.browser')}
          </label>
          {shell === 'browser' && state.notify ? <BrowserPermission /> : null}
        </div>
      </section>
      <section className="panel" aria-label={t('recent.aria')}>
        <h2>{t('recent.title')}</h2>
        <div className="toolbar-row">
          <span className="muted" role="status" aria-label={t('recent.countAria')}>
            {t('recent.kept', { n: state.recent.length, limit: RECENT_ALERTS_LIMIT })}
            {state.dropped > 0 ? t('recent.dropped', { n: state.dropped }) : ''}
          </span>
          <button
            type="button"
            onClick={() => void store.clear()}
            disabled={state.recent.length === 0}
          >
            {t('recent.clear')}
          </button>
        </div>
        {recent.length === 0 ? (
          <p className="muted">{t('recent.none')}</p>
        ) : (
          <ol className="alert-list" aria-label={t('recent.listAria')}>
            {recent.map((a) => (
              <li key={a.seq} className="alert-item">
                <span className="muted">{formatClock(a.at)}</span>
                <code>{a.rule}</code>
                <span className="alert-message">{say(a.said, a.message)}</span>
                {a.row ? (
                  <button
                    type="button"
                    onClick={() => onOpenSocket(a.row!.id)}
                    title={t('recent.openTitle')}
                  >
                    {a.row.protocol} {localText(a.row)} → {remoteText(a.row)}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  )
}
