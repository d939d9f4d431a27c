import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
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
  const { t } = useTranslation('machine')
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

  if (load.state === 'loading') return <p className="muted">{t('loading')}</p>
  if (load.state === 'error') return <ErrorNote error={load.error} />
  const { info } = load
  // [label, value, data-fact: the English id the specs find]
  const facts: ReadonlyArray<readonly [string, string, string]> = [
    [t('facts.version'), info.version, 'Version'],
    [t('facts.platform'), `${info.platform} ${info.arch} (${info.osRelease})`, 'Platform'],
    [t('facts.host'), info.hostname, 'Host'],
    [t('facts.pid'), String(info.pid), 'Core pid'],
    [t('facts.uid'), info.uid === null ? '—' : String(info.uid), 'User id'],
    [t('facts.node'), info.versions.node, 'Node'],
    [t('facts.electron'), info.versions.electron ?? t('facts.noElectron'), 'Electron'],
    [t('facts.shell'), info.shell, 'Shell']
  ]
  return (
    <div className="machine">
      <section className="panel" aria-labelledby="machine-title">
        <h2 id="machine-title">{t('title')}</h2>
        <Facts facts={facts} label={t('factsAria')} valuesAreData />
      </section>
      <section className="panel" aria-labelledby="sources-title">
        <h2 id="sources-title">{t('sources.title')}</h2>
        <table className="sources" aria-label={t('sources.title')}>
          <thead>
            <tr>
              <th scope="col">{t('sources.source')}</th>
              <th scope="col">{t('sources.here')}</th>
              <th scope="col">{t('sources.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {info.sources.map((source) => (
              <tr key={source.id} data-available={source.available}>
                <td>{source.id}</td>
                <td>{source.available ? t('sources.available') : t('sources.notAvailable')}</td>
                <td className="muted">{source.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  )
}
