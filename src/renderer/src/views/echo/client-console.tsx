// The client console: connect over TCP, UDP or a Unix socket, then send text (with escapes)
// or hex to a chosen client, once or repeated at an interval, and close (FIN) or reset (RST).
import { useState } from 'react'
import type { ReactElement } from 'react'
import type { InspectorApi } from '../../../../shared/contract'
import { formatEndpoint } from '../../../../shared/endpoint'
import type { PayloadEncoding, Session } from '../../../../shared/model'
import { decodePayload, repeatProblem } from '../../../../shared/payload'
import { LIMITS } from '../../../../shared/limits'
import { ErrorNote } from '../../components/error-note'
import { EndpointFields, FieldProblem, useAction, useEndpoint } from '../../components/form-bits'

function payloadProblem(data: string, encoding: PayloadEncoding): string | null {
  try {
    decodePayload(data, encoding)
    return null
  } catch (err) {
    return `The payload cannot be sent: ${(err as Error).message}.`
  }
}

/** The core refuses repeats that would queue too many bytes; say so before Send. */
function queueProblem(data: string, encoding: PayloadEncoding, repeat: string): string | null {
  const tooMuch = repeatProblem(decodePayload(data, encoding).length, Number(repeat))
  return tooMuch ? `That is more than a client queues: ${tooMuch}.` : null
}

function countProblem(text: string, what: string, min: number, max: number): string | null {
  const n = Number(text)
  return /^\d+$/.test(text) && n >= min && n <= max
    ? null
    : `${what} is a whole number from ${min} to ${max}.`
}

export interface ClientConsoleProps {
  readonly api: InspectorApi
  readonly clients: readonly Session[]
  /** Called with a new client's id, so the traffic panel follows it. */
  readonly onConnected: (id: string) => void
}

function ConnectForm({ api, onConnected }: Omit<ClientConsoleProps, 'clients'>): ReactElement {
  const endpoint = useEndpoint('', false)
  const { protocol, host, port, path, problem } = endpoint
  const [connected, setConnected] = useState<Session | null>(null)
  const [error, act] = useAction()
  const ready = protocol === 'unix' ? path !== '' : port !== '' && problem === null

  const connect = async (): Promise<void> => {
    setConnected(null)
    const session = await act(() =>
      api['client:connect'](
        protocol === 'unix' ? { protocol, path } : { protocol, host, port: Number(port) }
      )
    )
    if (!session) return
    setConnected(session)
    onConnected(session.id)
  }

  return (
    <>
      <form
        className="fields"
        aria-label="Connect a client"
        onSubmit={(e) => {
          e.preventDefault()
          if (ready) void connect()
        }}
      >
        <EndpointFields id="client" endpoint={endpoint} />
        <button type="submit" disabled={!ready}>
          Connect
        </button>
      </form>
      <FieldProblem id="client-port-problem" problem={problem} />
      {error ? <ErrorNote error={error} /> : null}
      {connected ? (
        <p
          role="status"
          aria-label="Client connected"
          className="muted"
          data-session={connected.id}
        >
          Connected {connected.id}: {formatEndpoint(connected.local)} →{' '}
          {formatEndpoint(connected.remote)}
        </p>
      ) : null}
    </>
  )
}

function SendForm({
  api,
  open,
  target,
  onTarget
}: {
  readonly api: InspectorApi
  readonly open: readonly Session[]
  readonly target: string
  readonly onTarget: (id: string) => void
}): ReactElement {
  const [encoding, setEncoding] = useState<PayloadEncoding>('text')
  const [payload, setPayload] = useState('Hello, server!')
  const [repeat, setRepeat] = useState('1')
  const [interval, setInterval] = useState('0')
  const [error, act] = useAction()
  const problem =
    payloadProblem(payload, encoding) ??
    countProblem(repeat, 'Repeat', LIMITS.repeat.min, LIMITS.repeat.max) ??
    countProblem(interval, 'The interval', LIMITS.intervalMs.min, LIMITS.intervalMs.max) ??
    queueProblem(payload, encoding, repeat)

  return (
    <>
      <form
        className="fields"
        aria-label="Send to a client"
        onSubmit={(e) => {
          e.preventDefault()
          if (problem) return
          void act(() =>
            api['client:send'](target, {
              data: payload,
              encoding,
              repeat: Number(repeat),
              intervalMs: Number(interval)
            })
          )
        }}
      >
        <label>
          Client
          <select value={target} onChange={(e) => onTarget(e.target.value)}>
            {open.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id} ({s.protocol} → {formatEndpoint(s.remote)})
              </option>
            ))}
          </select>
        </label>
        <label>
          As
          <select value={encoding} onChange={(e) => setEncoding(e.target.value as PayloadEncoding)}>
            <option value="text">Text (\n \r \t \xNN)</option>
            <option value="hex">Hex bytes</option>
          </select>
        </label>
        <label className="grow">
          Payload
          <input
            value={payload}
            aria-invalid={problem !== null}
            aria-describedby="send-problem"
            onChange={(e) => setPayload(e.target.value)}
          />
        </label>
        <label className="narrow">
          Repeat
          <input value={repeat} inputMode="numeric" onChange={(e) => setRepeat(e.target.value)} />
        </label>
        <label className="narrow">
          Every (ms)
          <input
            value={interval}
            inputMode="numeric"
            onChange={(e) => setInterval(e.target.value)}
          />
        </label>
        <button type="submit" disabled={problem !== null}>
          Send
        </button>
        <button type="button" onClick={() => void act(() => api['client:close'](target))}>
          Close
        </button>
        <button
          type="button"
          title="Abort the connection: the peer sees a reset (RST)"
          onClick={() => void act(() => api['client:reset'](target))}
        >
          Reset
        </button>
      </form>
      <FieldProblem id="send-problem" problem={problem} />
      {error ? <ErrorNote error={error} /> : null}
    </>
  )
}

export function ClientConsole({ api, clients, onConnected }: ClientConsoleProps): ReactElement {
  const [chosen, setChosen] = useState<string | null>(null)
  const open = clients.filter((s) => s.state === 'open' || s.state === 'half-closed')
  // The chosen client while it is open; else the newest open one.
  const target = open.find((s) => s.id === chosen)?.id ?? open[open.length - 1]?.id ?? null
  return (
    <>
      <ConnectForm
        api={api}
        onConnected={(id) => {
          setChosen(id)
          onConnected(id)
        }}
      />
      {target === null ? (
        <p className="muted">
          Connect a client to send: to an echo server above, or to any server on this machine.
        </p>
      ) : (
        <SendForm api={api} open={open} target={target} onTarget={setChosen} />
      )}
    </>
  )
}
