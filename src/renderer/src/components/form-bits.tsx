// Small pieces the echo forms share: a port check as the user types, host and port fields
// tied to their problem for screen readers, and a runner that turns a core error into state.
import { useState } from 'react'
import type { ReactElement } from 'react'
import type { InspectorError } from '../../../shared/model'

/** Mirrors the core's check, so a typo is caught as it is typed; the core checks again. */
export function portProblem(text: string, allowZero: boolean): string | null {
  if (!/^\d{1,5}$/.test(text.trim())) return 'A port is a whole number.'
  const n = Number(text)
  if (n > 65535 || (!allowZero && n === 0))
    return allowZero ? 'A port is 0 to 65535 (0 = any free port).' : 'A port is 1 to 65535.'
  return null
}

export interface AddressFieldsProps {
  readonly id: string
  readonly host: string
  readonly port: string
  readonly problem: string | null
  readonly onHost: (host: string) => void
  readonly onPort: (port: string) => void
}

export function AddressFields({
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
