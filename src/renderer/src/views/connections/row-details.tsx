// One socket, whole: every field, its owners, and its life cycle as a timeline — each
// state it was seen in, for how long — with copy as text or JSON, and where it docks.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { DetailsDock } from '../../../../shared/connections-settings'
import { formatEndpoint } from '../../../../shared/endpoint'
import type { TableRow } from '../../../../shared/model'
import { formatJson, formatTable } from '../../../../shared/row-format'
import { Facts } from '../../components/facts'
import { i18n } from '../../i18n'
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
  const { t } = useTranslation('connections')
  const steps = lifeCycle(row, now)
  const total = steps.reduce((n, s) => n + s.ms, 0)
  // Bars share the row by time; with no time yet to share, they share it equally.
  const share = (ms: number): number => (total > 0 ? ms / total : 1 / steps.length)
  return (
    <ol className="timeline" aria-label={t('details.lifeCycle')}>
      {steps.map((s) => (
        <li
          key={`${s.state}-${s.since}`}
          data-state={s.state}
          aria-current={s.current || undefined}
        >
          <span className="step-state">{s.state}</span>
          <span className="step-bar" style={{ width: `${Math.max(2, share(s.ms) * 100)}%` }} />
          <span className="muted">
            {t(s.current ? 'details.stepCurrent' : 'details.step', {
              time: formatClock(s.since),
              duration: formatDuration(s.ms)
            })}
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
  const f = (key: string): string => i18n.t(`connections:details.field.${key}`)
  return [
    [f('protocol'), `${r.protocol}${r.unixType ? `/${r.unixType}` : ''} (${r.family})`],
    [f('local'), formatEndpoint({ address: r.localAddress, port: r.localPort })],
    [
      f('remote'),
      r.remoteAddress === null
        ? '—'
        : formatEndpoint({ address: r.remoteAddress, port: r.remotePort })
    ],
    [f('state'), r.state ?? '—'],
    [f('queues'), `${count(r.sendQueue)} / ${count(r.recvQueue)}`],
    [f('inode'), n(r.inode)],
    [f('peerInode'), n(r.peerInode)],
    [f('uid'), n(r.uid)],
    [f('bytesSent'), info ? `${bytes(info.bytesSent)} / ${bytes(info.bytesAcked)}` : '—'],
    [f('bytesReceived'), info ? bytes(info.bytesReceived) : '—'],
    [f('rtt'), info?.rttMs == null ? '—' : `${info.rttMs.toFixed(3)} ms`],
    [f('timer'), r.timer ?? '—'],
    [f('firstSeen'), formatWhen(r.firstSeen, now)],
    [f('thisApp'), r.sessionId ?? r.listenerId ?? '—']
  ]
}

/**
 * Why a socket shows no owner, in words that fit who runs the core: root already sees
 * every process, so telling root to run as root would be wrong.
 */
export function ownersHint(row: Pick<TableRow, 'state'>, coreUid: number | null): string {
  if (row.state === 'TIME_WAIT') return i18n.t('connections:details.hint.timeWait')
  if (coreUid === 0) return i18n.t('connections:details.hint.root')
  if (coreUid === null) return i18n.t('connections:details.hint.noUid')
  return i18n.t('connections:details.hint.otherUser', { uid: coreUid })
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
  const { t } = useTranslation('connections')
  const [flash, showFlash] = useFlash()
  /** `done`: what the flash says once it is copied. */
  const copy = (done: string, text: string): void => {
    navigator.clipboard.writeText(text).then(
      () => showFlash({ text: done, kind: 'done' }),
      () => showFlash({ text: t('details.noClipboard'), kind: 'error' })
    )
  }
  const other: DetailsDock = dock === 'right' ? 'bottom' : 'right'
  return (
    <aside className="panel details" aria-label={t('details.aria')}>
      <header>
        <h2>{stale ? t('details.titleStale') : t('details.title')}</h2>
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
        <button type="button" onClick={() => copy(t('details.copiedText'), formatTable([row]))}>
          {t('details.copyRow')}
        </button>
        <button type="button" onClick={() => copy(t('details.copiedJson'), formatJson([row]))}>
          {t('details.copyJson')}
        </button>
        <button
          type="button"
          title={other === 'right' ? t('details.dockRightTitle') : t('details.dockBottomTitle')}
          onClick={() => onDock(other)}
        >
          {other === 'right' ? t('details.dockRight') : t('details.dockBottom')}
        </button>
        <button type="button" aria-label={t('details.close')} onClick={onClose}>
          ✕
        </button>
      </header>
      <div className="details-body">
        <Facts facts={fields(row, now)} label={t('details.fields')} />
        <div>
          <h3>{t('details.owners')}</h3>
          {row.closingSince !== null ? (
            <p className="muted">
              {t('details.closedOwners', { time: formatClock(row.closingSince) })}
            </p>
          ) : row.owners.length === 0 ? (
            <p className="muted">{ownersHint(row, coreUid)}</p>
          ) : (
            <table className="sessions" aria-label={t('details.owners')}>
              <thead>
                <tr>
                  <th scope="col">{t('details.pid')}</th>
                  <th scope="col">{t('details.process')}</th>
                  <th scope="col">{t('details.fd')}</th>
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
          <h3>{t('details.lifeCycle')}</h3>
          <Timeline row={row} now={now} />
        </div>
        <LifeDiagram row={row} now={now} />
      </div>
    </aside>
  )
}
