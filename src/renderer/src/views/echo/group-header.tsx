// A server's row in the session list: what it listens on, its listening fd, state and
// totals, its actions (stop a running one; restart or remove a stopped one), and a toggle
// that folds its sessions away. The app's own clients get a header of their own.
import { memo } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { localizeError } from '../../../../shared/error-ids'
import type { Listener } from '../../../../shared/model'
import { i18n } from '../../i18n'
import type { ListItem } from './session-rows'
import { describeListener } from './start-server-form'

export const GROUP_ROW_HEIGHT = 34

/** The fold toggle's arrow: pointing right when folded, down when open. */
const FOLDED = '▸'
const UNFOLDED = '▾'

export type ServerAction = 'stop' | 'restart' | 'remove' | 'pcapng'

type GroupItem = Extract<ListItem, { kind: 'group' }>

function ServerButtons({
  listener,
  onAction
}: {
  readonly listener: Listener
  readonly onAction: (id: string, action: ServerAction) => void
}): ReactElement {
  const { t } = useTranslation('echo')
  // Every session the server served, as packets Wireshark opens.
  const pcapng =
    listener.sessionsTotal > 0 ? (
      <button type="button" onClick={() => onAction(listener.id, 'pcapng')}>
        {t('group.pcapng')}
      </button>
    ) : null
  if (listener.state === 'listening')
    return (
      <>
        <button type="button" onClick={() => onAction(listener.id, 'stop')}>
          {t('group.stop')}
        </button>
        {pcapng}
      </>
    )
  return (
    <>
      {pcapng}
      <button type="button" onClick={() => onAction(listener.id, 'restart')}>
        {t('group.restart')}
      </button>
      <button type="button" onClick={() => onAction(listener.id, 'remove')}>
        {t('group.remove')}
      </button>
    </>
  )
}

function summary(t: TFunction<'echo'>, l: Listener): string {
  return t('group.summary', {
    id: l.id,
    fd: l.fd ?? '—',
    state: l.state,
    open: l.sessionsOpen,
    total: l.sessionsTotal,
    bytesIn: l.bytesIn,
    bytesOut: l.bytesOut
  })
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
  const { t } = useTranslation('echo')
  const l = item.listener
  const name = l ? t('group.serverName', { id: l.id }) : t('group.clients')
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
          aria-label={t(item.collapsed ? 'group.show' : 'group.hide', {
            whose: l ? l.id : t('group.theClients')
          })}
          onClick={() => onToggle(item.key)}
        >
          {item.collapsed ? FOLDED : UNFOLDED}
        </button>
        <strong className="group-name">{l ? describeListener(l) : t('group.clientsOfApp')}</strong>
        <span className="muted group-summary" title={l ? summary(t, l) : undefined}>
          {l ? summary(t, l) : t('group.clientCount', { count: item.total })}
          {item.shown !== item.total ? t('group.shown', { count: item.shown }) : ''}
        </span>
        {sockets !== null ? (
          <span className="badge" title={t('group.socketsTitle')}>
            {t('group.socketCount', { count: sockets })}
          </span>
        ) : null}
        {l?.error ? (
          <span className="group-error" role="alert" title={localizeError(l.error, i18n).hint}>
            {localizeError(l.error, i18n).message}
          </span>
        ) : null}
        {l ? <ServerButtons listener={l} onAction={onAction} /> : null}
      </div>
    </div>
  )
})
