// The form that starts an echo server. It checks the port as it is typed, shows the core's
// error and hint in place, and says which server it started (tests and users read that).
import { memo, useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectorApi } from '../../../../shared/contract'
import { formatEndpoint } from '../../../../shared/endpoint'
import type { Listener, ListenerSpec } from '../../../../shared/model'
import { SavedServers } from './saved-servers'
import type { EchoSettingsHandle } from './use-echo-settings'
import { ErrorNote } from '../../components/error-note'
import {
  EndpointFields,
  FieldProblem,
  portProblem,
  TextField,
  useAction,
  useEndpoint
} from '../../components/form-bits'

export function describeListener(l: Listener): string {
  const where = l.path ?? formatEndpoint({ address: l.host, port: l.port })
  return `${l.protocol.toUpperCase()}${l.tls ? '+TLS' : ''} ${where}`
}

interface TlsServerChoice {
  readonly on: boolean
  readonly certPath: string
  readonly keyPath: string
}

function TlsServerFields({
  tls,
  onChange
}: {
  readonly tls: TlsServerChoice
  readonly onChange: (t: TlsServerChoice) => void
}): ReactElement {
  const { t } = useTranslation('echo')
  return (
    <>
      <label className="check" title={t('server.tlsTitle')}>
        <input
          type="checkbox"
          checked={tls.on}
          onChange={(e) => onChange({ ...tls, on: e.target.checked })}
        />
        TLS
      </label>
      {tls.on ? (
        <>
          <TextField
            label={t('server.certificate')}
            value={tls.certPath}
            placeholder={t('server.selfSigned')}
            onChange={(certPath) => onChange({ ...tls, certPath })}
          />
          <TextField
            label={t('server.key')}
            value={tls.keyPath}
            placeholder={t('server.selfSigned')}
            onChange={(keyPath) => onChange({ ...tls, keyPath })}
          />
        </>
      ) : null}
    </>
  )
}

const NO_TLS: TlsServerChoice = { on: false, certPath: '', keyPath: '' }

/** Memoized: selecting a session or a tick of the clock does not redraw the form. */
export const StartServerForm = memo(function StartServerForm({
  api,
  settings
}: {
  readonly api: InspectorApi
  readonly settings: EchoSettingsHandle
}): ReactElement {
  const { t } = useTranslation('echo')
  const endpoint = useEndpoint('0', true)
  const { protocol, host, port, path } = endpoint
  const [greeting, setGreeting] = useState('')
  const [tls, setTls] = useState<TlsServerChoice>(NO_TLS)
  const [started, setStarted] = useState<Listener | null>(null)
  const [error, act] = useAction()
  // An empty port is a problem here (0 is "any"); for a client it only means "not yet".
  const problem =
    protocol !== 'unix' && port === ''
      ? portProblem(port, true)
      : protocol === 'tcp' && tls.on && (tls.certPath.trim() === '') !== (tls.keyPath.trim() === '')
        ? t('server.bothOrNeither')
        : endpoint.problem

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (problem) return
    setStarted(null)
    const listener = await act(() => api['echo:start'](specOf()))
    if (listener) setStarted(listener)
  }

  /** What the fields say, as the core's argument (and as a saved server keeps it). */
  const specOf = (): ListenerSpec => {
    const greet = greeting === '' || protocol === 'udp' ? {} : { greeting }
    const files = tls.certPath.trim()
      ? { certPath: tls.certPath.trim(), keyPath: tls.keyPath.trim() }
      : {}
    return protocol === 'unix'
      ? { protocol, path, ...greet }
      : protocol === 'tcp' && tls.on
        ? { protocol, host, port: Number(port), ...greet, tls: files }
        : protocol === 'tcp'
          ? { protocol, host, port: Number(port), ...greet }
          : { protocol, host, port: Number(port) }
  }

  return (
    <form
      className="panel form"
      aria-label={t('server.form')}
      onSubmit={(e) => void submit(e)}
      onChange={() => setStarted(null)}
    >
      <h2>{t('server.form')}</h2>
      <div className="fields">
        <EndpointFields id="server" endpoint={endpoint} />
        {protocol === 'tcp' ? <TlsServerFields tls={tls} onChange={setTls} /> : null}
        {protocol === 'udp' ? null : (
          <label className="grow">
            {t('server.greeting')}
            <input value={greeting} onChange={(e) => setGreeting(e.target.value)} />
          </label>
        )}
        <button type="submit" disabled={problem !== null}>
          {t('server.start')}
        </button>
        <button
          type="button"
          disabled={problem !== null}
          title={t('server.saveTitle')}
          onClick={() =>
            void settings.save({
              ...settings.echo,
              savedServers: [
                ...settings.echo.savedServers,
                { spec: specOf(), startOnLaunch: false }
              ]
            })
          }
        >
          {t('server.save')}
        </button>
      </div>
      <SavedServers api={api} settings={settings} onStarted={setStarted} />
      <FieldProblem id="server-port-problem" problem={problem} />
      {error ? <ErrorNote error={error} /> : null}
      {started ? (
        <p
          role="status"
          aria-label={t('server.startedAria')}
          className="muted"
          data-listener={started.id}
        >
          {t('server.started', { id: started.id, what: describeListener(started) })}
          {started.tls
            ? t('server.startedCert', {
                subject: started.tls.subject ?? '?',
                selfSigned: started.tls.selfSigned ? t('server.selfSignedNote') : '',
                validTo: started.tls.validTo ?? '?'
              })
            : ''}
        </p>
      ) : null}
    </form>
  )
})
