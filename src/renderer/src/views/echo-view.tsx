// The app's own echo servers and sessions as a workspace: servers and their sessions on the
// left (one virtualized list), the selected session's chart and traffic and the client
// console on the right, in panes the user can resize (remembered).
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels'
import type { InspectorApi } from '../../../shared/contract'
import { ErrorNote } from '../components/error-note'
import { TrafficPanel } from '../components/traffic-panel'
import { useNow } from '../components/use-now'
import type { EchoStore } from '../store/echo-store'
import { ClientConsole } from './echo/client-console'
import { SessionList } from './echo/session-list'
import { CallSequence } from './teach/call-sequence'
import { StartServerForm } from './echo/start-server-form'
import { useEchoActions } from './echo/use-echo-actions'
import { useEchoSettings } from './echo/use-echo-settings'

export interface EchoViewProps {
  readonly api: InspectorApi
  readonly store: EchoStore
  /** The session to show first (the table's "Go to echo session"). */
  readonly initialSelected?: string | null
}

export function EchoView({ api, store, initialSelected }: EchoViewProps): ReactElement {
  const { t } = useTranslation('echo')
  const { listeners, sessions, loaded, forgotten } = useSyncExternalStore(
    store.subscribe,
    store.getState
  )
  const [selected, setSelected] = useState<string | null>(initialSelected ?? null)
  // Live: the second's tick, the same on every render until the next one, so memoized
  // rows stay as they are when a selection moves; a replay: the scrubber's time.
  const tick = useNow()
  const now = store.replaying ? store.clock() : tick
  const actions = useEchoActions(api, store)
  const settings = useEchoSettings(api)
  const { clearError } = actions
  // A message about the last action goes once the user moves on to another session.
  useEffect(() => clearError(), [selected, clearError])
  const session = selected === null ? undefined : sessions.find((s) => s.id === selected)
  const columns = useDefaultLayout({ id: 'echo-columns' })
  const rows = useDefaultLayout({ id: 'echo-right' })

  return (
    <div className="echo">
      <Group orientation="horizontal" {...columns}>
        <Panel id="servers" className="echo-pane" defaultSize="58" minSize="30">
          <StartServerForm api={api} settings={settings} />
          {actions.error ? <ErrorNote error={actions.error} /> : null}
          {loaded ? (
            <SessionList
              listeners={listeners}
              sessions={sessions}
              rates={store.rates}
              now={now}
              selected={selected}
              onSelect={setSelected}
              onAction={actions.onSession}
              onServerAction={actions.onServer}
              onClearClosed={actions.onClearClosed}
              forgotten={forgotten}
            />
          ) : (
            <p className="panel muted">{t('view.loading')}</p>
          )}
        </Panel>
        <Separator className="split" aria-label={t('view.resizeList')} />
        <Panel id="session" className="echo-pane" minSize="25">
          <Group orientation="vertical" {...rows}>
            <Panel id="traffic" className="echo-pane" defaultSize="60" minSize="20">
              {session ? (
                <>
                  <TrafficPanel api={api} session={session} rates={store.rates} now={now} />
                  <CallSequence api={api} session={session} />
                </>
              ) : (
                <p className="panel muted">{t('view.selectSession')}</p>
              )}
            </Panel>
            <Separator className="split split-v" aria-label={t('view.resizeConsole')} />
            <Panel id="console" className="echo-pane" minSize="15">
              <section className="panel form console" aria-label={t('view.clients')}>
                <h2>{t('view.console')}</h2>
                <ClientConsole
                  api={api}
                  sessions={sessions}
                  selected={selected}
                  onConnected={setSelected}
                  settings={settings}
                />
              </section>
            </Panel>
          </Group>
        </Panel>
      </Group>
    </div>
  )
}
