import type { ReactElement } from 'react'
import { formatEndpoint } from '../../../shared/endpoint'
import type { Session } from '../../../shared/model'

/** Sessions with the app's counters beside the kernel's view of the same socket. */
export interface SessionTableProps {
  readonly sessions: readonly Session[]
  readonly label: string
  readonly selected?: string | null
  readonly onSelect?: (id: string) => void
}

export function SessionTable({
  sessions,
  label,
  selected,
  onSelect
}: SessionTableProps): ReactElement {
  if (sessions.length === 0) return <p className="muted">No sessions yet.</p>
  return (
    <table className="sessions" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Session</th>
          <th scope="col">Local</th>
          <th scope="col">Remote</th>
          <th scope="col">FD</th>
          <th scope="col">App state</th>
          <th scope="col">Kernel state</th>
          <th scope="col">Bytes in</th>
          <th scope="col">Bytes out</th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id} data-session={s.id} aria-selected={selected === s.id}>
            <td>
              <button type="button" className="link" onClick={() => onSelect?.(s.id)}>
                {s.id}
              </button>
            </td>
            <td>{formatEndpoint(s.local)}</td>
            <td>{formatEndpoint(s.remote)}</td>
            <td data-col="fd">{s.fd ?? '—'}</td>
            <td data-col="app-state">
              {s.closeReason ? `${s.state} (${s.closeReason})` : s.state}
            </td>
            <td data-col="kernel-state">{s.kernel?.state ?? '—'}</td>
            <td data-col="bytes-in" className="num">
              {s.bytesIn}
            </td>
            <td data-col="bytes-out" className="num">
              {s.bytesOut}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
