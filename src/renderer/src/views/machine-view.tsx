import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import type { InspectorApi } from '../../../shared/contract'
import type { AppInfo, InspectorError } from '../../../shared/model'
import { ErrorNote } from '../components/error-note'
import { Facts } from '../components/facts'

export interface MachineViewProps {
  readonly api: InspectorApi
  /** False until the link to the core is open; the view (re)loads when it opens. */
  readonly ready: boolean
}

type Load =
  { state: 'loading' } | { state: 'ok'; info: AppInfo } | { state: 'error'; error: InspectorError }

export function MachineView({ api, ready }: MachineViewProps): ReactElement {
  const [load, setLoad] = useState<Load>({ state: 'loading' })

  useEffect(() => {
    if (!ready) return
    let live = true
    api['app:info']().then(
      (info) => live && setLoad({ state: 'ok', info }),
      (error: InspectorError) => live && setLoad({ state: 'error', error })
    )
    return () => {
      live = false
    }
  }, [api, ready])

  if (load.state === 'loading') return <p className="muted">Asking the core about this machine…</p>
  if (load.state === 'error') return <ErrorNote error={load.error} />
  const { info } = load
  const facts: ReadonlyArray<readonly [string, string]> = [
    ['Version', info.version],
    ['Platform', `${info.platform} ${info.arch} (${info.osRelease})`],
    ['Host', info.hostname],
    ['Core pid', String(info.pid)],
    ['User id', info.uid === null ? '—' : String(info.uid)],
    ['Node', info.versions.node],
    ['Electron', info.versions.electron ?? 'not running in Electron'],
    ['Shell', info.shell]
  ]
  return (
    <div className="machine">
      <section className="panel" aria-labelledby="machine-title">
        <h2 id="machine-title">This machine</h2>
        <Facts facts={facts} label="App info" />
      </section>
      <section className="panel" aria-labelledby="sources-title">
        <h2 id="sources-title">Connection-table sources</h2>
        <table className="sources" aria-label="Connection-table sources">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Here</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {info.sources.map((source) => (
              <tr key={source.id} data-available={source.available}>
                <td>{source.id}</td>
                <td>{source.available ? 'available' : 'not available'}</td>
                <td className="muted">{source.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  )
}
