// One echo server: its bound address, listening fd, state and counters, and its sessions
// under it — so a server with N clients visibly holds N+1 sockets.
import type { ReactElement } from 'react'
import type { InspectorApi } from '../../../../shared/contract'
import type { Listener, Session } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import { PcapngButton } from '../../components/pcapng-button'
import { SessionTable } from '../../components/session-table'
import type { RateHistory } from '../../store/rate-history'
import { describeListener } from './start-server-form'

export interface ServerCardProps {
  readonly api: InspectorApi
  readonly listener: Listener
  readonly sessions: readonly Session[]
  readonly rates: RateHistory
  readonly now: number
  readonly selected: string | null
  readonly onSelect: (id: string) => void
}

export function ServerCard({
  api,
  listener,
  sessions,
  rates,
  now,
  selected,
  onSelect
}: ServerCardProps): ReactElement {
  const open = sessions.filter((s) => s.state !== 'closed' && s.state !== 'error').length
  const sockets = open + (listener.state === 'listening' ? 1 : 0)
  return (
    <article
      className="panel server"
      aria-label={`Echo server ${listener.id}`}
      data-state={listener.state}
    >
      <header>
        <strong>{describeListener(listener)}</strong>
        <span className="muted">
          {listener.id} · listening fd {listener.fd ?? '—'} · {listener.state} ·{' '}
          {listener.sessionsOpen} open of {listener.sessionsTotal} · {listener.bytesIn} B in,{' '}
          {listener.bytesOut} B out
        </span>
        {listener.protocol === 'udp' ? null : (
          <span className="badge" title="The listening socket plus one accepted socket a client">
            {sockets} {sockets === 1 ? 'socket' : 'sockets'}
          </span>
        )}
        {listener.sessionsTotal > 0 ? (
          <PcapngButton
            api={api}
            target={{ listenerId: listener.id }}
            filename={`${listener.id}-sessions.pcapng`}
            label="Sessions as pcapng"
          />
        ) : null}
        {listener.state === 'listening' ? (
          <button type="button" onClick={() => void api['echo:stop'](listener.id)}>
            Stop
          </button>
        ) : null}
      </header>
      {listener.error ? <ErrorNote error={listener.error} /> : null}
      <SessionTable
        sessions={sessions}
        rates={rates}
        now={now}
        label={`Sessions of ${listener.id}`}
        selected={selected}
        onSelect={onSelect}
        empty={
          listener.protocol === 'udp'
            ? `No peers yet — try: echo hi | nc -u -w1 ${listener.host} ${listener.port}`
            : listener.path
              ? `No clients yet — try: nc -U ${listener.path}`
              : `No clients yet — try: nc ${listener.host} ${listener.port}`
        }
      />
    </article>
  )
}
