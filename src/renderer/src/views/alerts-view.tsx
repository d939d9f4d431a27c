// Alerts: the rules (a small editor, saved in settings), how to be told (desktop or browser
// notifications), and the recent alerts, newest first, each with the row it refers to.
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { ReactElement } from 'react'
import { RECENT_ALERTS_LIMIT } from '../../../shared/alert-rules'
import { formatClock } from '../components/format'
import type { AlertsStore } from '../store/alerts-store'
import { localText, remoteText } from './connections/endpoint-names'
import { RuleEditor } from './alerts/rule-editor'

export interface AlertsViewProps {
  readonly store: AlertsStore
  readonly shell: 'electron' | 'browser'
  readonly onOpenSocket: (rowId: string) => void
}

function BrowserPermission(): ReactElement | null {
  const supported = typeof Notification !== 'undefined'
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied')
  if (!supported)
    return <span className="muted">This browser has no notifications; the list below is all.</span>
  if (permission === 'granted')
    return <span className="muted">Browser notifications are allowed.</span>
  if (permission === 'denied')
    return (
      <span className="muted">
        Browser notifications are blocked for this page; the list below still shows every alert.
      </span>
    )
  return (
    <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
      Allow browser notifications
    </button>
  )
}

export function AlertsView({ store, shell, onOpenSocket }: AlertsViewProps): ReactElement {
  const state = useSyncExternalStore(store.subscribe, store.getState)
  useEffect(() => store.markSeen(), [store, state.unseen])
  const recent = [...state.recent].reverse()
  return (
    <div className="alerts">
      <section className="panel" aria-label="Alert rules">
        <h2>Rules</h2>
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
            {shell === 'electron' ? 'Desktop notifications' : 'Browser notifications'}
          </label>
          {shell === 'browser' && state.notify ? <BrowserPermission /> : null}
        </div>
      </section>
      <section className="panel" aria-label="Recent alerts">
        <h2>Recent alerts</h2>
        <div className="toolbar-row">
          <span className="muted" role="status" aria-label="Alert count">
            {state.recent.length} kept (at most {RECENT_ALERTS_LIMIT})
            {state.dropped > 0 ? `, ${state.dropped} older dropped` : ''}
          </span>
          <button
            type="button"
            onClick={() => void store.clear()}
            disabled={state.recent.length === 0}
          >
            Clear
          </button>
        </div>
        {recent.length === 0 ? (
          <p className="muted">No alerts yet. They appear here as rules fire.</p>
        ) : (
          <ol className="alert-list" aria-label="Alerts">
            {recent.map((a) => (
              <li key={a.seq} className="alert-item">
                <span className="muted">{formatClock(a.at)}</span>
                <code>{a.rule}</code>
                <span className="alert-message">{a.message}</span>
                {a.row ? (
                  <button
                    type="button"
                    onClick={() => onOpenSocket(a.row!.id)}
                    title="Open this socket in Connections"
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
