// The app's own echo servers, their sessions, and a console for clients — with the
// kernel's state beside the app's for every session, and the selected one's traffic.
import { useState, useSyncExternalStore } from 'react'
import type { ReactElement } from 'react'
import type { InspectorApi } from '../../../shared/contract'
import { SessionTable } from '../components/session-table'
import { TrafficPanel } from '../components/traffic-panel'
import { useNow } from '../components/use-now'
import type { EchoStore } from '../store/echo-store'
import { ClientConsole } from './echo/client-console'
import { CallSequence } from './teach/call-sequence'
import { ServerCard } from './echo/server-card'
import { StartServerForm } from './echo/start-server-form'

export interface EchoViewProps {
  readonly api: InspectorApi
  readonly store: EchoStore
  /** The session to show first (the table's "Go to echo session"). */
  readonly initialSelected?: string | null
}

export function EchoView({ api, store, initialSelected }: EchoViewProps): ReactElement {
  const { listeners, sessions, loaded } = useSyncExternalStore(store.subscribe, store.getState)
  const [selected, setSelected] = useState<string | null>(initialSelected ?? null)
  const now = useNow()
  const session = sessions.find((s) => s.id === selected)
  const clients = sessions.filter((s) => s.role === 'client')
  return (
    <div className="echo">
      <StartServerForm api={api} />
      {!loaded ? (
        <p className="panel muted">Asking the core for its echo servers…</p>
      ) : listeners.length === 0 ? (
        <p className="panel muted empty-hint" role="note">
          No echo servers yet — start one on 127.0.0.1:7007, then <code>nc 127.0.0.1 7007</code> in
          a terminal, or connect a client below.
        </p>
      ) : (
        listeners.map((l) => (
          <ServerCard
            key={l.id}
            api={api}
            listener={l}
            sessions={sessions.filter((s) => s.listenerId === l.id)}
            rates={store.rates}
            now={now}
            selected={selected}
            onSelect={setSelected}
          />
        ))
      )}
      <section className="panel form" aria-label="Clients">
        <h2>Clients</h2>
        <ClientConsole api={api} clients={clients} onConnected={setSelected} />
        <SessionTable
          sessions={clients}
          rates={store.rates}
          now={now}
          label="Client sessions"
          selected={selected}
          onSelect={setSelected}
          empty="No clients yet."
        />
      </section>
      {session ? (
        <>
          <TrafficPanel
            key={session.id}
            api={api}
            session={session}
            rates={store.rates}
            now={now}
          />
          <CallSequence api={api} session={session} />
        </>
      ) : (
        <p className="panel muted">Select a session to see its throughput and traffic.</p>
      )}
    </div>
  )
}
