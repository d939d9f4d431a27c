// The Connections table's context menu, added around the table without touching it: a
// right-click on a row (or the context-menu key / Shift+F10 on the selected row) opens the
// menu for that row; the row is found by its data-row-id.
import { useCallback, useState } from 'react'
import type { KeyboardEvent, MouseEvent, ReactElement, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatEndpoint } from '../../../shared/endpoint'
import type { TableRow } from '../../../shared/model'
import { formatJson, formatTable } from '../../../shared/row-format'
import { ContextMenu } from './context-menu'
import type { MenuItem } from './context-menu'
import { i18n } from '../i18n'
import type { ActionFlow } from './use-actions'

/** The menu's words (common:rowMenu.*), in the UI's language when the menu opens. */
const tr = (key: string, params?: Record<string, unknown>): string =>
  i18n.t(`rowMenu.${key}`, { ns: 'common', ...params })

export interface RowMenuHandlers {
  readonly rowOf: (id: string) => TableRow | undefined
  readonly actions: ActionFlow
  readonly onFilter: (text: string) => void
  readonly onWhoHolds: (port: number, protocol: 'tcp' | 'udp') => void
  readonly onGoToEcho: (sessionId: string | null) => void
}

interface Open {
  readonly row: TableRow
  readonly cell: string | null
  readonly x: number
  readonly y: number
}

const ownerName = (r: TableRow): string | null => {
  const o = r.owners[0]
  return o ? tr('owner', { name: o.process ?? tr('aProcess'), pid: o.pid }) : null
}

export function rowMenuItems(open: Open, h: RowMenuHandlers): MenuItem[] {
  const { row: r, cell } = open
  const items: MenuItem[] = []
  const copy = (text: string, what: string) => () => h.actions.copy(text, what)
  if (cell) items.push({ label: tr('copyCell', { cell }), onSelect: copy(cell, tr('theCell')) })
  items.push({ label: tr('copyRow'), onSelect: copy(formatTable([r]), tr('theRow')) })
  items.push({ label: tr('copyJson'), onSelect: copy(formatJson([r]), tr('theRowJson')) })
  const owner = r.owners[0]
  let first = true
  const filter = (label: string, text: string): void => {
    items.push({ label, onSelect: () => h.onFilter(text), groupStart: first })
    first = false
  }
  if (owner) filter(tr('filterPid', { pid: owner.pid }), `pid:${owner.pid}`)
  if (owner?.process) filter(tr('filterProcess', { name: owner.process }), `proc:${owner.process}`)
  if (r.localPort !== null) filter(tr('filterPort', { port: r.localPort }), `port:${r.localPort}`)
  if (r.remoteAddress) filter(tr('filterRemote', { address: r.remoteAddress }), r.remoteAddress)
  if (r.localPort !== null && r.protocol !== 'unix') {
    const proto = r.protocol
    const port = r.localPort
    items.push({
      label: tr('whoHolds', { port }),
      onSelect: () => h.onWhoHolds(port, proto),
      groupStart: true
    })
  }
  if (r.sessionId !== null || r.listenerId !== null) {
    const id = r.sessionId
    items.push({
      label: id ? tr('goToSession', { id }) : tr('goToServer', { id: r.listenerId }),
      onSelect: () => h.onGoToEcho(id)
    })
  }
  items.push(...destructiveItems(r, h))
  return items
}

/** Close and stop: each says what it will do; the flow asks before it acts. */
function destructiveItems(r: TableRow, h: RowMenuHandlers): MenuItem[] {
  const items: MenuItem[] = []
  const owner = r.owners[0]
  const connected = r.remotePort !== null && r.remotePort !== 0 && r.closingSince === null
  const target = {
    protocol: r.protocol,
    local: { address: r.localAddress, port: r.localPort },
    remote: { address: r.remoteAddress ?? '', port: r.remotePort },
    sessionId: r.sessionId,
    owner: ownerName(r)
  }
  const where = `${formatEndpoint(target.local)} ⇄ ${formatEndpoint(target.remote)}`
  if (r.sessionId !== null) {
    items.push({
      label: tr('closeFin'),
      detail: tr('closeFinDetail', { where }),
      danger: true,
      groupStart: true,
      onSelect: () => void h.actions.closeConnection(target, 'graceful')
    })
    items.push({
      label: tr('resetRst'),
      detail: tr('resetRstDetail', { where }),
      danger: true,
      onSelect: () => void h.actions.closeConnection(target, 'reset')
    })
  } else {
    items.push({
      label: tr('close'),
      detail: r.protocol === 'tcp' && connected ? tr('abortDetail', { where }) : tr('onlyTcp'),
      danger: true,
      groupStart: true,
      disabled: !(r.protocol === 'tcp' && connected),
      onSelect: () => void h.actions.closeConnection(target, 'reset')
    })
  }
  items.push({
    label: owner ? tr('stopOwner', { name: owner.process ?? '', pid: owner.pid }) : tr('stop'),
    detail: owner ? tr('stopDetail', { pid: owner.pid }) : tr('noOwner'),
    danger: true,
    disabled: !owner || owner.pid === 1,
    onSelect: () => owner && void h.actions.stopProcess(owner.pid, owner.process)
  })
  return items
}

export function RowMenu({
  handlers,
  children
}: {
  readonly handlers: RowMenuHandlers
  readonly children: ReactNode
}): ReactElement {
  const { t } = useTranslation('common')
  const [open, setOpen] = useState<Open | null>(null)
  const close = useCallback(() => setOpen(null), [])

  const onContextMenu = (e: MouseEvent<HTMLDivElement>): void => {
    const rowEl = (e.target as HTMLElement).closest<HTMLElement>('[data-row-id]')
    const row = rowEl?.dataset.rowId ? handlers.rowOf(rowEl.dataset.rowId) : undefined
    if (!row) return
    e.preventDefault()
    const cell = (e.target as HTMLElement).closest('[role="cell"]')?.textContent ?? null
    setOpen({ row, cell, x: e.clientX, y: e.clientY })
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (!(e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey))) return
    const rowEl = e.currentTarget.querySelector<HTMLElement>('[data-row-id][aria-selected="true"]')
    const row = rowEl?.dataset.rowId ? handlers.rowOf(rowEl.dataset.rowId) : undefined
    if (!row || !rowEl) return
    e.preventDefault()
    const box = rowEl.getBoundingClientRect()
    setOpen({ row, cell: null, x: box.left + 24, y: box.bottom })
  }

  return (
    <div className="row-menu-host" onContextMenu={onContextMenu} onKeyDown={onKeyDown}>
      {children}
      {open ? (
        <ContextMenu
          x={open.x}
          y={open.y}
          label={t('rowMenu.aria', {
            endpoint: formatEndpoint({ address: open.row.localAddress, port: open.row.localPort })
          })}
          items={rowMenuItems(open, handlers)}
          onClose={close}
        />
      ) : null}
      {handlers.actions.overlay}
    </div>
  )
}
