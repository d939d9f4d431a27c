import { Activity, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type { ReactElement, ReactNode } from 'react'
import type { Connection } from './api'
import { LinkBadge } from './components/link-badge'
import { PortLink } from './components/port-link'
import { RowMenu } from './components/row-menu'
import { useActions } from './components/use-actions'
import { StatusBar } from './components/status-bar'
import { ThemePicker } from './components/theme-picker'
import { LanguagePicker } from './components/language-picker'
import { Trans, useTranslation } from 'react-i18next'
import { AlertsStore } from './store/alerts-store'
import { NamesStore } from './store/names-store'
import { coreSettingsBackend } from './store/settings-backends'
import { SettingsStore } from './store/settings-store'
import { SettingsContext } from './store/use-setting'
import { useCoreRestarts, useLinkStatus } from './use-link-status'
import { RecordingControls } from './replay/recording-controls'
import { ReplayBar } from './replay/replay-bar'
import { useDataStores } from './replay/use-data-stores'
import { useReplay } from './replay/use-replay'
import { AlertsView } from './views/alerts-view'
import { ConnectionsView } from './views/connections-view'
import { registerNameSources } from './views/connections/endpoint-names'
import { ProcessesView } from './views/processes-view'
import { EchoView } from './views/echo-view'
import { MachineView } from './views/machine-view'
import { OverviewView } from './views/overview-view'
import { PortView } from './views/port-view'
import type { PortAsk } from './views/port-view'
import { useLanguage } from './i18n/use-language'

export interface AppProps {
  readonly connection: Connection
  /**
   * When the stores apply events. The app uses the next animation frame; the frame
   * benchmark (bench/ui-frames.ts) passes "at once" to show what batching buys.
   */
  readonly schedule?: (apply: () => void) => unknown
}

// Each tab's name is common:tabs.<id>.
const VIEWS = [
  { id: 'connections' },
  { id: 'echo' },
  { id: 'overview' },
  { id: 'machine' },
  { id: 'port' },
  { id: 'processes' },
  { id: 'alerts' }
] as const
type ViewId = (typeof VIEWS)[number]['id']
const isViewId = (v: string): v is ViewId => VIEWS.some((x) => x.id === v)

/**
 * The view shown: the one last shown (settings) until the user picks one here. A view
 * picked in another tab is remembered for the next start, but does not switch this one.
 */
function useSettingsLoaded(settings: SettingsStore): boolean {
  return useSyncExternalStore(settings.subscribe, () => settings.isLoaded())
}

function useView(settings: SettingsStore): readonly [ViewId, (v: ViewId) => void] {
  const loaded = useSettingsLoaded(settings)
  const [picked, setPicked] = useState<ViewId | null>(null)
  const last = settings.get('lastView')
  const view = picked ?? (loaded && isViewId(last) ? last : 'connections')
  const pick = useCallback(
    (v: ViewId): void => {
      setPicked(v)
      settings.set('lastView', v)
    },
    [settings]
  )
  return [view, pick] as const
}

export function App({ connection, schedule }: AppProps): ReactElement {
  const { t } = useTranslation('common')
  const status = useLinkStatus(connection)
  const coreRestarts = useCoreRestarts(connection)
  useLanguage(connection.api)
  const settings = useMemo(
    () => new SettingsStore(coreSettingsBackend(connection.api)),
    [connection]
  )
  const [view, setView] = useView(settings)
  const settingsLoaded = useSettingsLoaded(settings)
  // Views visited stay mounted, hidden (React's Activity): switching back finds the view as
  // it was left — scroll, selection, a half-typed form — and costs no new mount.
  const [visited, setVisited] = useState<ReadonlySet<ViewId>>(() => new Set())
  if (!visited.has(view)) setVisited(new Set([...visited, view]))
  // A recording, while open, is the stores' source; the live table then has no listener, so
  // the core stops polling until it is closed.
  const replay = useReplay(connection.api, status === 'open')
  const source = replay.source
  const { api, table, echo } = useDataStores(connection.api, source, schedule)
  const [dropping, setDropping] = useState(false)
  /** The row under the header where the recording controls put their notices. */
  const [noticeSlot, setNoticeSlot] = useState<HTMLDivElement | null>(null)
  const names = useMemo(() => new NamesStore(connection.api), [connection])
  const alerts = useMemo(
    () => new AlertsStore(connection.api, connection.shell === 'browser'),
    [connection]
  )
  const { unseen } = useSyncExternalStore(alerts.subscribe, alerts.getState)
  // A socket to open in Connections (from Processes or an alert), and a filter for Processes.
  const [openRow, setOpenRow] = useState<{ id: string; n: number } | null>(null)
  const [processFilter, setProcessFilter] = useState<{ text: string; n: number } | null>(null)
  const openSocket = (id: string): void => {
    setOpenRow((o) => ({ id, n: (o?.n ?? 0) + 1 }))
    setView('connections')
  }
  const openProcess = (pid: number): void => {
    setProcessFilter((f) => ({ text: `pid:${pid}`, n: (f?.n ?? 0) + 1 }))
    setView('processes')
  }
  useEffect(() => registerNameSources(names, table), [names, table])
  useEffect(() => (status === 'open' ? names.start() : undefined), [names, status])
  useEffect(() => (status === 'open' ? alerts.start() : undefined), [alerts, status])
  // The actions room: the table's context menu and the port view share one flow.
  const actions = useActions(connection.api)
  const [portAsk, setPortAsk] = useState<PortAsk | null>(null)
  const [filterRequest, setFilterRequest] = useState<{ text: string; seq: number } | null>(null)
  const [echoSession, setEchoSession] = useState<{ id: string | null; seq: number } | null>(null)
  const whoHolds = useCallback(
    (port: number, protocol: 'tcp' | 'udp'): void => {
      setPortAsk((a) => ({ port, protocol, seq: (a?.seq ?? 0) + 1 }))
      setView('port')
    },
    [setView]
  )

  // The core polls the OS only while someone listens: start when the link is up. The table
  // keeps polling while the Echo view is open, so sessions get their kernel state.
  useEffect(() => (status === 'open' ? table.start() : undefined), [table, status])
  useEffect(() => (status === 'open' ? echo.start() : undefined), [echo, status])
  useEffect(() => {
    if (status !== 'open') return
    const stop = settings.start()
    // A change made just before the page goes (a reload, a closed tab) is written now.
    const flush = (): void => void settings.flush()
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      stop()
    }
  }, [settings, status])
  // What a dead core held is shown as ended, not as live.
  useEffect(() => connection.onCoreRestart(() => echo.coreLost()), [connection, echo])

  // Ctrl/Cmd+1…n switch views; Ctrl/Cmd+F goes to the table's filter (not the browser's
  // find); Space pauses the table, unless the user is typing or pressing a control.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        const target = e.target as HTMLElement | null
        if (target?.closest('input, textarea, select, button, [contenteditable="true"]')) return
        e.preventDefault()
        table.setPaused(!table.getState().paused)
        return
      }
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return
      const index = Number(e.key) - 1
      if (Number.isInteger(index) && index >= 0 && index < VIEWS.length) {
        e.preventDefault()
        setView(VIEWS[index]!.id)
      } else if (e.key.toLowerCase() === 'f') {
        e.preventDefault()
        setView('connections')
        // Found by its shortcut, not its label: the label is in the user's language.
        requestAnimationFrame(() =>
          document.querySelector<HTMLInputElement>('input[aria-keyshortcuts="Control+F"]')?.focus()
        )
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [table, setView])

  const viewOf = (id: ViewId): ReactNode =>
    id === 'connections' ? (
      <RowMenu
        handlers={{
          rowOf: (rowId) => table.row(rowId),
          actions,
          onFilter: (text) => setFilterRequest((f) => ({ text, seq: (f?.seq ?? 0) + 1 })),
          onWhoHolds: whoHolds,
          onGoToEcho: (sessionId) => {
            setEchoSession((s) => ({ id: sessionId, seq: (s?.seq ?? 0) + 1 }))
            setView('echo')
          }
        }}
      >
        <ConnectionsView
          store={table}
          api={connection.api}
          names={names}
          open={openRow}
          onOpened={() => setOpenRow(null)}
          filterRequest={filterRequest}
        />
      </RowMenu>
    ) : id === 'echo' ? (
      <PortLink.Provider value={whoHolds}>
        <EchoView
          key={echoSession?.seq}
          api={api}
          store={echo}
          initialSelected={echoSession?.id ?? null}
        />
      </PortLink.Provider>
    ) : id === 'port' ? (
      <>
        <PortView api={connection.api} actions={actions} ask={portAsk} />
        {actions.overlay}
      </>
    ) : id === 'overview' ? (
      <OverviewView table={table} echo={echo} onOpenProcess={openProcess} />
    ) : id === 'processes' ? (
      <ProcessesView
        key={processFilter?.n ?? 0}
        api={api}
        replaying={source !== null}
        table={table}
        initialFilter={processFilter?.text}
        onOpenSocket={openSocket}
      />
    ) : id === 'alerts' ? (
      <AlertsView store={alerts} shell={connection.shell} onOpenSocket={openSocket} />
    ) : (
      <MachineView api={connection.api} ready={status === 'open'} />
    )

  return (
    <SettingsContext value={settings}>
      <div
        className="app"
        data-settings={settingsLoaded ? 'loaded' : 'loading'}
        data-dropping={dropping}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return
          e.preventDefault()
          setDropping(true)
        }}
        onDragLeave={() => setDropping(false)}
        onDrop={(e) => {
          const file = e.dataTransfer.files[0]
          setDropping(false)
          if (!file) return
          e.preventDefault()
          replay.openFile(file)
        }}
      >
        <header className="app-header">
          <div className="brand">
            <img className="brand-mark" src="./favicon.png" alt="" />
            <h1>{t('app.name')}</h1>
          </div>
          <nav className="tabs" role="tablist" aria-label={t('tabs.aria')}>
            {VIEWS.map((v) => (
              <button
                key={v.id}
                type="button"
                role="tab"
                aria-selected={view === v.id}
                aria-keyshortcuts={`Control+${VIEWS.indexOf(v) + 1}`}
                onClick={() => setView(v.id)}
              >
                {t(`tabs.${v.id}`)}
                {v.id === 'alerts' && unseen > 0 ? (
                  <span className="badge" aria-label={t('tabs.unseen', { n: unseen })}>
                    {unseen}
                  </span>
                ) : null}
              </button>
            ))}
          </nav>
          <div className="header-end">
            <RecordingControls api={connection.api} replay={replay} noticeSlot={noticeSlot} />
            <ThemePicker />
            <LanguagePicker />
            <LinkBadge shell={connection.shell} status={status} coreRestarts={coreRestarts} />
          </div>
        </header>
        <div className="header-notices" ref={setNoticeSlot} />
        {source ? <ReplayBar key={source.name} source={source} onClose={replay.close} /> : null}
        <main className="app-main">
          {status === 'unauthorized' ? (
            <section role="alert" className="panel error-panel">
              <h2>{t('token.title')}</h2>
              <p>
                <Trans t={t} i18nKey="token.body" components={{ code: <code /> }} />
              </p>
            </section>
          ) : (
            VIEWS.filter((v) => visited.has(v.id)).map((v) => (
              <Activity key={v.id} mode={v.id === view ? 'visible' : 'hidden'}>
                {viewOf(v.id)}
              </Activity>
            ))
          )}
        </main>
        <StatusBar store={table} replaying={source?.name} />
      </div>
    </SettingsContext>
  )
}
