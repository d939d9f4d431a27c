// One socket, whole: every field, its owners, and its life cycle as a timeline — each
// state it was seen in, for how long — with copy as text or JSON.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { formatEndpoint } from '../../../../shared/endpoint'
import type { TableRow } from '../../../../shared/model'
import { formatJson, formatTable } from '../../../../shared/row-format'
import { Facts } from '../../components/facts'
import { formatClock, formatDuration } from '../../components/format'
import { LifeDiagram } from '../teach/life-diagram'

export interface LifeStep {
  readonly state: string
  readonly since: number
  readonly ms: number
  readonly current: boolean
}

/**
 * The row's history as steps with durations. A vanished row's history already ends in the
 * core's VANISHED_STATE step at closingSince: that is its one close step, not another.
 */
export function lifeCycle(r: TableRow, now: number): LifeStep[] {
  const last = r.history.length - 1
  return r.history.map((h, i) => {
    const next = r.history[i + 1]?.since ?? now
    return {
      state: h.state ?? '—',
      since: h.since,
      ms: Math.max(0, next - h.since),
      current: i === last
    }
  })
}

function Timeline({ row, now }: { readonly row: TableRow; readonly now: number }): ReactElement {
  const steps = lifeCycle(row, now)
  const total = steps.reduce((n, s) => n + s.ms, 0)
  // Bars share the row by time; with no time yet to share, they share it equally.
  const share = (ms: number): number => (total > 0 ? ms / total : 1 / steps.length)
  return (
    <ol className="timeline" aria-label="Life cycle">
      {steps.map((s) => (
        <li
          key={`${s.state}-${s.since}`}
          data-state={s.state}
          aria-current={s.current || undefined}
        >
          <span className="step-state">{s.state}</span>
          <span className="step-bar" style={{ width: `${Math.max(2, share(s.ms) * 100)}%` }} />
          <span className="muted">
            {formatClock(s.since)} · {s.current ? 'for ' : ''}
            {formatDuration(s.ms)}
          </span>
        </li>
      ))}
    </ol>
  )
}

function fields(r: TableRow): ReadonlyArray<readonly [string, string]> {
  const n = (v: number | null): string => (v === null ? '—' : String(v))
  const info = r.tcpInfo
  return [
    ['Protocol', `${r.protocol}${r.unixType ? `/${r.unixType}` : ''} (${r.family})`],
    ['Local', formatEndpoint({ address: r.localAddress, port: r.localPort })],
    [
      'Remote',
      r.remoteAddress === null
        ? '—'
        : formatEndpoint({ address: r.remoteAddress, port: r.remotePort })
    ],
    ['State', r.state ?? '—'],
    ['Send-Q / Recv-Q', `${n(r.sendQueue)} / ${n(r.recvQueue)}`],
    ['Inode', n(r.inode)],
    ['Peer inode', n(r.peerInode)],
    ['UID', n(r.uid)],
    ['TCP_INFO bytes sent / acked', info ? `${n(info.bytesSent)} / ${n(info.bytesAcked)}` : '—'],
    ['TCP_INFO bytes received', info ? n(info.bytesReceived) : '—'],
    ['RTT', info?.rttMs == null ? '—' : `${info.rttMs.toFixed(3)} ms`],
    ['Timer', r.timer ?? '—'],
    ['First seen', new Date(r.firstSeen).toLocaleString()],
    ['This app', r.sessionId ?? r.listenerId ?? '—']
  ]
}

export interface RowDetailsProps {
  readonly row: TableRow
  /** The time durations run to: now, or when the data stopped if it is stale. */
  readonly now: number
  /** The link to the core is down: this is the socket as last seen. */
  readonly stale?: boolean
  readonly onClose: () => void
}

export function RowDetails({ row, now, stale, onClose }: RowDetailsProps): ReactElement {
  const [copied, setCopied] = useState<string | null>(null)
  const copy = (what: string, text: string): void => {
    navigator.clipboard.writeText(text).then(
      () => setCopied(`Copied as ${what}.`),
      () => setCopied('The clipboard is not available here; select the text instead.')
    )
  }
  return (
    <aside className="panel details" aria-label="Socket details">
      <header>
        <h2>Socket details{stale ? ' (as last seen, not live)' : ''}</h2>
        <button type="button" onClick={() => copy('text', formatTable([row]))}>
          Copy row
        </button>
        <button type="button" onClick={() => copy('JSON', formatJson([row]))}>
          Copy JSON
        </button>
        <button type="button" aria-label="Close details" onClick={onClose}>
          ✕
        </button>
      </header>
      {copied ? (
        <p role="status" className="muted">
          {copied}
        </p>
      ) : null}
      <div className="details-body">
        <Facts facts={fields(row)} label="Fields" />
        <div>
          <h3>Owners</h3>
          {row.closingSince !== null ? (
            <p className="muted">
              None: the socket closed at {formatClock(row.closingSince)} and no process holds it any
              more. Its row fades out after the grace period.
            </p>
          ) : row.owners.length === 0 ? (
            <p className="muted">
              No process found: another user&apos;s socket (run as root to see it), or one in
              TIME_WAIT, which no process holds.
            </p>
          ) : (
            <table className="sessions" aria-label="Owners">
              <thead>
                <tr>
                  <th scope="col">PID</th>
                  <th scope="col">Process</th>
                  <th scope="col">FD</th>
                </tr>
              </thead>
              <tbody>
                {row.owners.map((o) => (
                  <tr key={`${o.pid}-${o.fd}`}>
                    <td>{o.pid}</td>
                    <td>{o.process ?? '?'}</td>
                    <td>{o.fd ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <h3>Life cycle</h3>
          <Timeline row={row} now={now} />
        </div>
        <LifeDiagram row={row} now={now} />
      </div>
    </aside>
  )
}
