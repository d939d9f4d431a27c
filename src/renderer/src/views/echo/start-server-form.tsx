// The form that starts an echo server. It checks the port as it is typed, shows the core's
// error and hint in place, and says which server it started (tests and users read that).
import { useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { InspectorApi } from '../../../../shared/contract'
import { formatEndpoint } from '../../../../shared/endpoint'
import type { EchoProtocol, Listener } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import { AddressFields, FieldProblem, portProblem, useAction } from '../../components/form-bits'

export function describeListener(l: Listener): string {
  const where = l.path ?? formatEndpoint({ address: l.host, port: l.port })
  return `${l.protocol.toUpperCase()} ${where}`
}

export function StartServerForm({ api }: { readonly api: InspectorApi }): ReactElement {
  const [protocol, setProtocol] = useState<EchoProtocol>('tcp')
  const [host, setHost] = useState('127.0.0.1')
  const [port, setPort] = useState('0')
  const [path, setPath] = useState('/tmp/socket-inspector.sock')
  const [greeting, setGreeting] = useState('')
  const [started, setStarted] = useState<Listener | null>(null)
  const [error, act] = useAction()
  const problem = protocol === 'unix' ? null : portProblem(port, true)

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (problem) return
    setStarted(null)
    const greet = greeting === '' || protocol === 'udp' ? {} : { greeting }
    const listener = await act(() =>
      api['echo:start'](
        protocol === 'unix'
          ? { protocol, path, ...greet }
          : { protocol, host, port: Number(port), ...greet }
      )
    )
    if (listener) setStarted(listener)
  }

  return (
    <form className="panel form" aria-label="Start an echo server" onSubmit={(e) => void submit(e)}>
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
          <label className="grow">
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
        {protocol === 'udp' ? null : (
          <label className="grow">
            Greeting (optional; \n \r \t \xNN)
            <input value={greeting} onChange={(e) => setGreeting(e.target.value)} />
          </label>
        )}
        <button type="submit" disabled={problem !== null}>
          Start
        </button>
      </div>
      <FieldProblem id="server-port-problem" problem={problem} />
      {error ? <ErrorNote error={error} /> : null}
      {started ? (
        <p role="status" aria-label="Server started" className="muted" data-listener={started.id}>
          Started {started.id}: {describeListener(started)}
        </p>
      ) : null}
    </form>
  )
}
