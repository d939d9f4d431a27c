// Connect a client over TCP (optionally TLS: verify or not, SNI, ALPN), UDP or a Unix
// socket. The "Connected" line goes as soon as the form is changed: it speaks of what was
// done, not of what the fields now say; an error stays until the next try.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectorApi } from '../../../../shared/contract'
import { formatEndpoint } from '../../../../shared/endpoint'
import type { ClientSpec, Session, TlsClientSpec } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import {
  EndpointFields,
  FieldProblem,
  TextField,
  useAction,
  useEndpoint
} from '../../components/form-bits'

export interface TlsChoice {
  readonly on: boolean
  readonly verify: boolean
  readonly servername: string
  readonly alpn: string
}

/** ALPN's placeholder: protocol ids, the same in every language. */
const ALPN_EXAMPLE = 'h2, http/1.1'

const NO_TLS: TlsChoice = { on: false, verify: true, servername: '', alpn: '' }

export function tlsSpec(t: TlsChoice): TlsClientSpec {
  const alpn = t.alpn
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
  return {
    verify: t.verify,
    ...(t.servername.trim() ? { servername: t.servername.trim() } : {}),
    ...(alpn.length > 0 ? { alpn } : {})
  }
}

function TlsFields({
  tls,
  onChange
}: {
  readonly tls: TlsChoice
  readonly onChange: (t: TlsChoice) => void
}): ReactElement {
  const { t } = useTranslation('echo')
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={tls.on}
          onChange={(e) => onChange({ ...tls, on: e.target.checked })}
        />
        TLS
      </label>
      {tls.on ? (
        <>
          <label className="check" title={t('connect.verifyTitle')}>
            <input
              type="checkbox"
              checked={tls.verify}
              onChange={(e) => onChange({ ...tls, verify: e.target.checked })}
            />
            {t('connect.verify')}
          </label>
          <TextField
            label={t('connect.servername')}
            value={tls.servername}
            placeholder={t('connect.theHost')}
            onChange={(servername) => onChange({ ...tls, servername })}
          />
          <TextField
            label="ALPN"
            value={tls.alpn}
            placeholder={ALPN_EXAMPLE}
            onChange={(alpn) => onChange({ ...tls, alpn })}
          />
        </>
      ) : null}
    </>
  )
}

export function ConnectForm({
  api,
  onConnected
}: {
  readonly api: InspectorApi
  readonly onConnected: (id: string) => void
}): ReactElement {
  const { t } = useTranslation('echo')
  const endpoint = useEndpoint('', false)
  const { protocol, host, port, path, problem } = endpoint
  const [tls, setTls] = useState<TlsChoice>(NO_TLS)
  const [connected, setConnected] = useState<Session | null>(null)
  const [error, act] = useAction()
  const ready = protocol === 'unix' ? path !== '' : port !== '' && problem === null

  const connect = async (): Promise<void> => {
    setConnected(null)
    const spec: ClientSpec =
      protocol === 'unix'
        ? { protocol, path }
        : protocol === 'tcp' && tls.on
          ? { protocol, host, port: Number(port), tls: tlsSpec(tls) }
          : { protocol, host, port: Number(port) }
    const session = await act(() => api['client:connect'](spec))
    if (!session) return
    setConnected(session)
    onConnected(session.id)
  }

  return (
    <>
      <form
        className="fields"
        aria-label={t('connect.form')}
        onChange={() => setConnected(null)}
        onSubmit={(e) => {
          e.preventDefault()
          if (ready) void connect()
        }}
      >
        <EndpointFields id="client" endpoint={endpoint} />
        {protocol === 'tcp' ? <TlsFields tls={tls} onChange={setTls} /> : null}
        <button type="submit" disabled={!ready}>
          {t('connect.connect')}
        </button>
      </form>
      <FieldProblem id="client-port-problem" problem={problem} />
      {error ? <ErrorNote error={error} /> : null}
      {connected ? (
        <p
          role="status"
          aria-label={t('connect.connectedAria')}
          className="muted"
          data-session={connected.id}
        >
          {t('connect.connected', {
            id: connected.id,
            local: formatEndpoint(connected.local),
            remote: formatEndpoint(connected.remote)
          })}
          {connected.tls
            ? t('connect.over', { version: connected.tls.version, cipher: connected.tls.cipher })
            : ''}
        </p>
      ) : null}
    </>
  )
}
