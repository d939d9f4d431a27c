// The app's own echo servers, their sessions, and a console for clients: start, connect,
// send, close or reset — with the kernel's state beside the app's for every session.
import { useState, useSyncExternalStore } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { InspectorApi } from '../../../shared/contract'
import type { EchoProtocol, InspectorError, Listener } from '../../../shared/model'
import { ErrorNote } from '../components/error-note'
import { SessionTable } from '../components/session-table'
import { TrafficPanel } from '../components/traffic-panel'
import type { EchoStore } from '../store/echo-store'

export interface EchoViewProps {
  readonly api: InspectorApi
  readonly store: EchoStore
}

/** Mirrors the core's check, so a typo is caught as it is typed; the core checks again. */
function portProblem(text: string, allowZero: boolean): string | null {
  if (!/^\d{1,5}$/.test(text.trim())) return 'A port is a whole number.'
  const n = Number(text)
  if (n > 65535 || (!allowZero && n === 0))
    return allowZero ? 'A port is 0 to 65535 (0 = any free port).' : 'A port is 1 to 65535.'
  return null
}

interface AddressFieldsProps {
  readonly id: string
  readonly host: string
  readonly port: string
  readonly problem: string | null
  readonly onHost: (host: string) => void
  readonly onPort: (port: string) => void
}

/** Host and port, with the port's problem (if any) tied to the field for screen readers. */
function AddressFields({
  id,
  host,
  port,
  problem,
  onHost,
  onPort
}: AddressFieldsProps): ReactElement {
  return (
    <>
      <label>
        Host
        <input value={host} onChange={(e) => onHost(e.target.value)} />
      </label>
      <label>
        Port
        <input
          value={port}
          aria-invalid={problem !== null}
          aria-describedby={`${id}-port-problem`}
          onChange={(e) => onPort(e.target.value)}
        />
      </label>
    </>
  )
}

function PortProblem({
  id,
  problem
}: {
  readonly id: string
  readonly problem: string | null
}): ReactElement | null {
  return problem ? (
    <p id={`${id}-port-problem`} className="field-problem">
      {problem}
    </p>
  ) : null
}

function useAction(): [InspectorError | null, (run: () => Promise<unknown>) => Promise<void>] {
  const [error, setError] = useState<InspectorError | null>(null)
  const act = async (run: () => Promise<unknown>): Promise<void> => {
    setError(null)
    try {
      await run()
    } catch (err) {
      setError(err as InspectorError)
    }
  }
  return [error, act]
}

function StartServer({ api }: { readonly api: InspectorApi }): ReactElement {
  const [protocol, setProtocol] = useState<EchoProtocol>('tcp')
  const [host, setHost] = useState('127.0.0.1')
  const [port, setPort] = useState('0')
  const [path, setPath] = useState('/tmp/socket-inspector.sock')
  const [error, act] = useAction()
  const problem = protocol === 'unix' ? null : portProblem(port, true)
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    if (problem) return
    void act(() =>
      api['echo:start'](
        protocol === 'unix' ? { protocol, path } : { protocol, host, port: Number(port) }
      )
    )
  }
  return (
    <form className="panel form" aria-label="Start an echo server" onSubmit={submit}>
      <h2>Start an echo server</h2>
      <div className="fields">
        <label>
          Protocol
          <select value={protocol} onChange={(e) => setProtocol(e.target.value as EchoProtocol)}>
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
            <option value="unix">Unix socket</option>
          </select>
        </label>
        {protocol === 'unix' ? (
          <label>
            Path
            <input value={path} onChange={(e) => setPath(e.target.value)} />
          </label>
        ) : (
          <AddressFields
            id="server"
            host={host}
            port={port}
            problem={problem}
            onHost={setHost}
            onPort={setPort}
          />
        )}
        <button type="submit" disabled={problem !== null}>
          Start
        </button>
      </div>
      <PortProblem id="server" problem={problem} />
      {error ? <ErrorNote error={error} /> : null}
    </form>
  )
}

interface Selection {
  readonly selected: string | null
  readonly onSelect: (id: string) => void
}

function ServerCard({
  api,
  listener,
  store,
  selected,
  onSelect
}: {
  readonly api: InspectorApi
  readonly listener: Listener
  readonly store: EchoStore
} & Selection): ReactElement {
  const { sessions } = useSyncExternalStore(store.subscribe, store.getState)
  const mine = sessions.filter((s) => s.listenerId === listener.id)
  const where =
    listener.path ??
    (listener.family === 'ipv6'
      ? `[${listener.host}]:${listener.port}`
      : `${listener.host}:${listener.port}`)
  return (
    <article className="panel server" aria-label={`Echo server ${listener.id}`}>
      <header>
        <strong>
          {listener.protocol.toUpperCase()} {where}
        </strong>
        <span className="muted">
          {listener.id} · listening fd {listener.fd ?? '—'} · {listener.state} ·{' '}
          {listener.sessionsOpen} open of {listener.sessionsTotal} · {listener.bytesIn} B in,{' '}
          {listener.bytesOut} B out
        </span>
        {listener.state === 'listening' ? (
          <button type="button" onClick={() => void api['echo:stop'](listener.id)}>
            Stop
          </button>
        ) : null}
      </header>
      {listener.error ? <ErrorNote error={listener.error} /> : null}
      <SessionTable
        sessions={mine}
        label={`Sessions of ${listener.id}`}
        selected={selected}
        onSelect={onSelect}
      />
    </article>
  )
}

function ClientConsole({
  api,
  store,
  selected,
  onSelect
}: EchoViewProps & Selection): ReactElement {
  const { sessions } = useSyncExternalStore(store.subscribe, store.getState)
  const [protocol, setProtocol] = useState<'tcp' | 'udp'>('tcp')
  const [host, setHost] = useState('127.0.0.1')
  const [port, setPort] = useState('')
  const [payload, setPayload] = useState('Hello, server!')
  const [error, act] = useAction()
  const clients = sessions.filter((s) => s.role === 'client')
  const open = clients.filter((s) => s.state === 'open')
  const problem = port === '' ? null : portProblem(port, false)
  return (
    <section className="panel form" aria-label="Clients">
      <h2>Clients</h2>
      <form
        className="fields"
        aria-label="Connect a client"
        onSubmit={(e) => {
          e.preventDefault()
          if (problem || port === '') return
          void act(() => api['client:connect']({ protocol, host, port: Number(port) }))
        }}
      >
        <label>
          Protocol
          <select value={protocol} onChange={(e) => setProtocol(e.target.value as 'tcp' | 'udp')}>
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
          </select>
        </label>
        <AddressFields
          id="client"
          host={host}
          port={port}
          problem={problem}
          onHost={setHost}
          onPort={setPort}
        />
        <button type="submit" disabled={problem !== null || port === ''}>
          Connect
        </button>
      </form>
      <PortProblem id="client" problem={problem} />
      {open.length > 0 ? (
        <form
          className="fields"
          aria-label="Send to the newest client"
          onSubmit={(e) => {
            e.preventDefault()
            void act(() =>
              api['client:send'](open[open.length - 1]!.id, { data: payload, encoding: 'text' })
            )
          }}
        >
          <label className="grow">
            Payload (escapes: \n \r \t \xNN)
            <input value={payload} onChange={(e) => setPayload(e.target.value)} />
          </label>
          <button type="submit">Send</button>
          <button
            type="button"
            onClick={() => void act(() => api['client:close'](open[open.length - 1]!.id))}
          >
            Close
          </button>
          <button
            type="button"
            onClick={() => void act(() => api['client:reset'](open[open.length - 1]!.id))}
          >
            Reset
          </button>
        </form>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      <SessionTable
        sessions={clients}
        label="Client sessions"
        selected={selected}
        onSelect={onSelect}
      />
    </section>
  )
}

export function EchoView({ api, store }: EchoViewProps): ReactElement {
  const { listeners, sessions } = useSyncExternalStore(store.subscribe, store.getState)
  const [selected, setSelected] = useState<string | null>(null)
  const session = sessions.find((s) => s.id === selected)
  return (
    <div className="echo">
      <StartServer api={api} />
      {listeners.length === 0 ? (
        <p className="panel muted">
          No echo servers yet — start one on 127.0.0.1:7007, then <code>nc 127.0.0.1 7007</code>.
        </p>
      ) : (
        listeners.map((l) => (
          <ServerCard
            key={l.id}
            api={api}
            listener={l}
            store={store}
            selected={selected}
            onSelect={setSelected}
          />
        ))
      )}
      <ClientConsole api={api} store={store} selected={selected} onSelect={setSelected} />
      {session ? <TrafficPanel api={api} session={session} /> : null}
    </div>
  )
}
