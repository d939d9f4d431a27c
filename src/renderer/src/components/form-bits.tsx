// Small pieces the echo forms share: a port check as the user types, host and port fields
// tied to their problem for screen readers, and a runner that turns a core error into state.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectorError } from '../../../shared/model'
import { i18n } from '../i18n'

/** Mirrors the core's check, so a typo is caught as it is typed; the core checks again. */
export function portProblem(text: string, allowZero: boolean): string | null {
  if (!/^\d{1,5}$/.test(text.trim())) return i18n.t('echo:field.portWhole')
  const n = Number(text)
  if (n > 65535 || (!allowZero && n === 0))
    return i18n.t(allowZero ? 'echo:field.portRangeAny' : 'echo:field.portRange')
  return null
}

export type EndpointProtocol = 'tcp' | 'udp' | 'unix'

/** What an endpoint form holds: protocol, then host and port, or a socket path. */
export interface Endpoint {
  readonly protocol: EndpointProtocol
  readonly host: string
  readonly port: string
  readonly path: string
  /** The port's problem as typed, if any (none for a Unix socket or an empty port). */
  readonly problem: string | null
  readonly set: (change: Partial<Omit<Endpoint, 'set' | 'problem'>>) => void
}

export function useEndpoint(initialPort: string, allowZeroPort: boolean): Endpoint {
  // The port's problem is worded in the UI's language: redo it when that changes.
  useTranslation('echo')
  const [fields, setFields] = useState({
    protocol: 'tcp' as EndpointProtocol,
    host: '127.0.0.1',
    port: initialPort,
    path: '/tmp/socket-inspector.sock'
  })
  const problem =
    fields.protocol === 'unix' || fields.port === ''
      ? null
      : portProblem(fields.port, allowZeroPort)
  return { ...fields, problem, set: (change) => setFields((f) => ({ ...f, ...change })) }
}

/** A labelled text field whose value is all the form keeps (the TLS options). */
export function TextField({
  label,
  value,
  placeholder,
  onChange
}: {
  readonly label: string
  readonly value: string
  readonly placeholder?: string
  readonly onChange: (value: string) => void
}): ReactElement {
  return (
    <label>
      {label}
      <input value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </label>
  )
}

/** Protocol, then host and port or a socket path, as the protocol needs. */
export function EndpointFields({
  id,
  endpoint
}: {
  readonly id: string
  readonly endpoint: Endpoint
}): ReactElement {
  const { t } = useTranslation('echo')
  const { protocol, host, port, path, problem, set } = endpoint
  return (
    <>
      <label>
        {t('field.protocol')}
        <select
          value={protocol}
          onChange={(e) => set({ protocol: e.target.value as EndpointProtocol })}
        >
          <option value="tcp">TCP</option>
          <option value="udp">UDP</option>
          <option value="unix">{t('field.unixSocket')}</option>
        </select>
      </label>
      {protocol === 'unix' ? (
        <label className="grow">
          {t('field.path')}
          <input value={path} onChange={(e) => set({ path: e.target.value })} />
        </label>
      ) : (
        <AddressFields
          id={id}
          host={host}
          port={port}
          problem={problem}
          onHost={(h) => set({ host: h })}
          onPort={(p) => set({ port: p })}
        />
      )}
    </>
  )
}

interface AddressFieldsProps {
  readonly id: string
  readonly host: string
  readonly port: string
  readonly problem: string | null
  readonly onHost: (host: string) => void
  readonly onPort: (port: string) => void
}

function AddressFields({
  id,
  host,
  port,
  problem,
  onHost,
  onPort
}: AddressFieldsProps): ReactElement {
  const { t } = useTranslation('echo')
  return (
    <>
      <label>
        {t('field.host')}
        <input value={host} onChange={(e) => onHost(e.target.value)} />
      </label>
      <label>
        {t('field.port')}
        <input
          value={port}
          inputMode="numeric"
          aria-invalid={problem !== null}
          aria-describedby={`${id}-port-problem`}
          onChange={(e) => onPort(e.target.value)}
        />
      </label>
    </>
  )
}

export function FieldProblem({
  id,
  problem
}: {
  readonly id: string
  readonly problem: string | null
}): ReactElement | null {
  return problem ? (
    <p id={id} className="field-problem">
      {problem}
    </p>
  ) : null
}

/** Runs a command; keeps its error (if any) for the form to show. */
export function useAction(): [
  InspectorError | null,
  <T>(run: () => Promise<T>) => Promise<T | undefined>
] {
  const [error, setError] = useState<InspectorError | null>(null)
  const act = async <T,>(run: () => Promise<T>): Promise<T | undefined> => {
    setError(null)
    try {
      return await run()
    } catch (err) {
      setError(err as InspectorError)
      return undefined
    }
  }
  return [error, act]
}
