// Sessions with the app's counters beside the kernel's view of the same socket: app state
// and kernel state, the app's bytes and TCP_INFO's, queues, duration, and the last minute's
// bytes a second.
import type { ReactElement } from 'react'
import { formatEndpoint } from '../../../shared/endpoint'
import type { Session } from '../../../shared/model'
import type { RateHistory } from '../store/rate-history'
import { formatDuration } from './format'
import { Sparkline } from './sparkline'

export interface SessionTableProps {
  readonly sessions: readonly Session[]
  readonly rates: RateHistory
  readonly label: string
  readonly selected: string | null
  readonly onSelect: (id: string) => void
  /** What to say when there are none: how to make one. */
  readonly empty: string
  /** The clock, from the view, so durations and sparklines move together. */
  readonly now: number
}

function kernelBytes(s: Session): string {
  const info = s.kernel?.tcpInfo
  if (!info) return '—'
  return `${info.bytesReceived ?? '—'} / ${info.bytesSent ?? '—'}`
}

export function SessionTable({
  sessions,
  rates,
  label,
  selected,
  onSelect,
  empty,
  now
}: SessionTableProps): ReactElement {
  if (sessions.length === 0) return <p className="muted empty-hint">{empty}</p>
  return (
    <div className="table-scroll">
      <table className="sessions" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Local</th>
            <th scope="col">Remote</th>
            <th scope="col">FD</th>
            <th scope="col">App state</th>
            <th scope="col">Kernel state</th>
            <th scope="col" className="num">
              Bytes in
            </th>
            <th scope="col" className="num">
              Bytes out
            </th>
            <th scope="col" className="num" title="Reads/writes (TCP, Unix) or datagrams (UDP)">
              Chunks in/out
            </th>
            <th
              scope="col"
              className="num"
              title="TCP_INFO: bytes received / bytes sent (bytes_acked counts the SYN too, so it runs one ahead)"
            >
              Kernel in/out
            </th>
            <th scope="col" className="num" title="Send-Q / Recv-Q">
              Queues
            </th>
            <th scope="col">Duration</th>
            <th scope="col">Last minute</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} data-session={s.id} aria-selected={selected === s.id}>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-pressed={selected === s.id}
                  onClick={() => onSelect(s.id)}
                >
                  {s.id}
                </button>
              </td>
              <td>{formatEndpoint(s.local)}</td>
              <td>{formatEndpoint(s.remote)}</td>
              <td data-col="fd">{s.fd ?? '—'}</td>
              <td data-col="app-state" data-state={s.state}>
                {s.closeReason ? `${s.state} (${s.closeReason})` : s.state}
                {/* An open session can carry an error too (a UDP peer's ICMP refusal). */}
                {s.error ? (
                  <span className="session-error" title={s.error.hint}>
                    {' '}
                    · {s.error.message}
                  </span>
                ) : null}
              </td>
              <td data-col="kernel-state">{s.kernel?.state ?? '—'}</td>
              <td data-col="bytes-in" className="num">
                {s.bytesIn}
              </td>
              <td data-col="bytes-out" className="num">
                {s.bytesOut}
              </td>
              <td data-col="chunks" className="num">
                {s.chunksIn} / {s.chunksOut}
              </td>
              <td data-col="kernel-bytes" className="num">
                {kernelBytes(s)}
              </td>
              <td data-col="queues" className="num">
                {s.kernel ? `${s.kernel.sendQueue ?? '—'} / ${s.kernel.recvQueue ?? '—'}` : '—'}
              </td>
              <td data-col="duration">{formatDuration((s.closedAt ?? now) - s.openedAt)}</td>
              <td>
                <Sparkline rates={rates} id={s.id} now={now} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
