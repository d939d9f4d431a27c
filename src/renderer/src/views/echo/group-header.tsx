// A server's row in the session list: what it listens on, its listening fd, state and
// totals, its actions (stop a running one; restart or remove a stopped one), and a toggle
// that folds its sessions away. The app's own clients get a header of their own.
import { memo } from 'react'
import type { ReactElement } from 'react'
import type { Listener } from '../../../../shared/model'
import type { ListItem } from './session-rows'
import { describeListener } from './start-server-form'

export const GROUP_ROW_HEIGHT = 34

export type ServerAction = 'stop' | 'restart' | 'remove' | 'pcapng'

type GroupItem = Extract<ListItem, { kind: 'group' }>

function ServerButtons({
  listener,
  onAction
}: {
  readonly listener: Listener
  readonly onAction: (id: string, action: ServerAction) => void
}): ReactElement {
  // Every session the server served, as packets Wireshark opens.
  const pcapng =
    listener.sessionsTotal > 0 ? (
      <button type="button" onClick={() => onAction(listener.id, 'pcapng')}>
        Sessions as pcapng
      </button>
    ) : null
  if (listener.state === 'listening')
    return (
      <>
        <button type="button" onClick={() => onAction(listener.id, 'stop')}>
          Stop
        </button>
        {pcapng}
      </>
    )
  return (
    <>
      {pcapng}
      <button type="button" onClick={() => onAction(listener.id, 'restart')}>
        Restart
      </button>
      <button type="button" onClick={() => onAction(listener.id, 'remove')}>
        Remove
      </button>
    </>
  )
}

function summary(l: Listener): string {
  return `${l.id} · fd ${l.fd ?? '—'} · ${l.state} · ${l.sessionsOpen} open of ${l.sessionsTotal} · ${l.bytesIn} B in, ${l.bytesOut} B out`
}

export const GroupHeader = memo(function GroupHeader({
  item,
  start,
  onToggle,
  onAction
}: {
  readonly item: GroupItem
  readonly start: number
  readonly onToggle: (key: string) => void
  readonly onAction: (id: string, action: ServerAction) => void
}): ReactElement {
  const l = item.listener
  const name = l ? `Echo server ${l.id}` : 'Clients'
  // A TCP or Unix server with N clients holds N+1 sockets: the listener and one per client.
  const sockets =
    l && l.protocol !== 'udp' ? l.sessionsOpen + (l.state === 'listening' ? 1 : 0) : null
  return (
    <div
      role="row"
      aria-label={name}
      aria-expanded={!item.collapsed}
      className="group-row"
      data-listener={l?.id}
      data-state={l?.state}
      style={{ height: GROUP_ROW_HEIGHT, transform: `translateY(${start}px)` }}
    >
      <div role="cell" className="group-cell">
        <button
          type="button"
          className="fold"
          aria-label={`${item.collapsed ? 'Show' : 'Hide'} the sessions of ${l ? l.id : 'the clients'}`}
          onClick={() => onToggle(item.key)}
        >
          {item.collapsed ? '▸' : '▾'}
        </button>
        <strong className="group-name">{l ? describeListener(l) : 'Clients of this app'}</strong>
        <span className="muted group-summary" title={l ? summary(l) : undefined}>
          {l ? summary(l) : `${item.total} ${item.total === 1 ? 'client' : 'clients'}`}
          {item.shown !== item.total ? ` · ${item.shown} shown` : ''}
        </span>
        {sockets !== null ? (
          <span className="badge" title="The listening socket plus one accepted socket a client">
            {sockets} {sockets === 1 ? 'socket' : 'sockets'}
          </span>
        ) : null}
        {l?.error ? (
          <span className="group-error" role="alert" title={l.error.hint}>
            {l.error.message}
          </span>
        ) : null}
        {l ? <ServerButtons listener={l} onAction={onAction} /> : null}
      </div>
    </div>
  )
})
