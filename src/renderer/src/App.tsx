import type { ReactElement } from 'react'
import type { Connection } from './api'
import { LinkBadge } from './components/link-badge'
import { MachineView } from './views/machine-view'
import { useLinkStatus } from './use-link-status'

export interface AppProps {
  readonly connection: Connection
}

export function App({ connection }: AppProps): ReactElement {
  const status = useLinkStatus(connection)
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <img className="brand-mark" src="./favicon.png" alt="" />
          <h1>Socket Inspector</h1>
        </div>
        <LinkBadge shell={connection.shell} status={status} />
      </header>
      <main className="app-main">
        {status === 'unauthorized' ? (
          <section role="alert" className="panel error-panel">
            <h2>This page has no valid token</h2>
            <p>
              Open the full URL that <code>socket-inspector serve</code> printed; it ends in{' '}
              <code>?token=…</code>.
            </p>
          </section>
        ) : (
          <MachineView api={connection.api} ready={status === 'open'} />
        )}
      </main>
    </div>
  )
}
