// The form that starts an echo server. It checks the port as it is typed, shows the core's
// error and hint in place, and says which server it started (tests and users read that).
import { useState } from 'react'
import type { FormEvent, ReactElement } from 'react'
import type { InspectorApi } from '../../../../shared/contract'
import { formatEndpoint } from '../../../../shared/endpoint'
import type { Listener } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import {
  EndpointFields,
  FieldProblem,
  portProblem,
  useAction,
  useEndpoint
} from '../../components/form-bits'

export function describeListener(l: Listener): string {
  const where = l.path ?? formatEndpoint({ address: l.host, port: l.port })
  return `${l.protocol.toUpperCase()} ${where}`
}

export function StartServerForm({ api }: { readonly api: InspectorApi }): ReactElement {
  const endpoint = useEndpoint('0', true)
  const { protocol, host, port, path } = endpoint
  const [greeting, setGreeting] = useState('')
  const [started, setStarted] = useState<Listener | null>(null)
  const [error, act] = useAction()
  // An empty port is a problem here (0 is "any"); for a client it only means "not yet".
  const problem = protocol !== 'unix' && port === '' ? portProblem(port, true) : endpoint.problem

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
        <EndpointFields id="server" endpoint={endpoint} />
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
