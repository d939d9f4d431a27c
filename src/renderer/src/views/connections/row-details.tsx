// One socket, whole: every field, its owners, and its life cycle as a timeline — each
// state it was seen in, for how long — with copy as text or JSON, and where it docks.
import type { ReactElement } from 'react'
import type { DetailsDock } from '../../../../shared/connections-settings'
import { formatEndpoint } from '../../../../shared/endpoint'
import type { TableRow } from '../../../../shared/model'
import { formatJson, formatTable } from '../../../../shared/row-format'
import { Facts } from '../../components/facts'
import {
  exactBytes,
  formatClock,
  formatCount,
  formatDuration,
  formatWhen
} from '../../components/format'
import { FLASH_MS, useFlash } from '../../components/use-flash'
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

function fields(r: TableRow, now: number): ReadonlyArray<readonly [string, string]> {
  const n = (v: number | null): string => (v === null ? '—' : String(v))
  const count = (v: number | null): string => (v === null ? '—' : formatCount(v))
  const bytes = (v: number | null): string => (v === null ? '—' : exactBytes(v))
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
    ['Send-Q / Recv-Q', `${count(r.sendQueue)} / ${count(r.recvQueue)}`],
    ['Inode', n(r.inode)],
    ['Peer inode', n(r.peerInode)],
    ['UID', n(r.uid)],
    [
      'TCP_INFO bytes sent / acked',
      info ? `${bytes(info.bytesSent)} / ${bytes(info.bytesAcked)}` : '—'
    ],
    ['TCP_INFO bytes received', info ? bytes(info.bytesReceived) : '—'],
    ['RTT', info?.rttMs == null ? '—' : `${info.rttMs.toFixed(3)} ms`],
    ['Timer', r.timer ?? '—'],
    ['First seen', formatWhen(r.firstSeen, now)],
    ['This app', r.sessionId ?? r.listenerId ?? '—']
  ]
}

/**
 * Why a socket shows no owner, in words that fit who runs the core: root already sees
 * every process, so telling root to run as root would be wrong.
 */
export function ownersHint(row: Pick<TableRow, 'state'>, coreUid: number | null): string {
  if (row.state === 'TIME_WAIT')
    return 'No process holds a socket in TIME_WAIT: the kernel keeps it a while after the close, so that late packets find it.'
  if (coreUid === 0)
    return 'No process holds it: it is closing, or its process just exited (the core runs as root and sees every process).'
  if (coreUid === null)
    return 'No process found: the system holds it, or it is closing (TIME_WAIT sockets have no process).'
  return `No process found: another user's socket (the core runs as uid ${coreUid} and sees only its own user's processes; root sees all), or one that is closing.`
}

export interface RowDetailsProps {
  readonly row: TableRow
  /** The time durations run to: now, or when the data stopped if it is stale. */
  readonly now: number
  /** The link to the core is down: this is the socket as last seen. */
  readonly stale?: boolean
  /** The core's uid (null where the OS has none), for the owners' hint. */
  readonly coreUid: number | null
  readonly dock: DetailsDock
  readonly onDock: (dock: DetailsDock) => void
  readonly onClose: () => void
}

export function RowDetails({
  row,
  now,
  stale,
  coreUid,
  dock,
  onDock,
  onClose
}: RowDetailsProps): ReactElement {
  const [flash, showFlash] = useFlash()
  const copy = (what: string, text: string): void => {
    navigator.clipboard.writeText(text).then(
      () => showFlash({ text: `Copied as ${what}.`, kind: 'done' }),
      () =>
        showFlash({
          text: 'The clipboard is not available here; select the text instead.',
          kind: 'error'
        })
    )
  }
  const other: DetailsDock = dock === 'right' ? 'bottom' : 'right'
  return (
    <aside className="panel details" aria-label="Socket details">
      <header>
        <h2>Socket details{stale ? ' (as last seen, not live)' : ''}</h2>
        {flash ? (
          <span
            role="status"
            className="flash"
            data-kind={flash.kind}
            style={{ animationDuration: `${FLASH_MS}ms` }}
          >
            {flash.text}
          </span>
        ) : null}
        <button type="button" onClick={() => copy('text', formatTable([row]))}>
          Copy row
        </button>
        <button type="button" onClick={() => copy('JSON', formatJson([row]))}>
          Copy JSON
        </button>
        <button
          type="button"
          title={`Dock the details ${other === 'right' ? 'on the right' : 'below the table'}`}
          onClick={() => onDock(other)}
        >
          {other === 'right' ? 'Dock right' : 'Dock bottom'}
        </button>
        <button type="button" aria-label="Close details" onClick={onClose}>
          ✕
        </button>
      </header>
      <div className="details-body">
        <Facts facts={fields(row, now)} label="Fields" />
        <div>
          <h3>Owners</h3>
          {row.closingSince !== null ? (
            <p className="muted">
              None: the socket closed at {formatClock(row.closingSince)} and no process holds it any
              more. Its row fades out after the grace period.
            </p>
          ) : row.owners.length === 0 ? (
            <p className="muted">{ownersHint(row, coreUid)}</p>
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
