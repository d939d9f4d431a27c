// Every session of the app's, in one virtualized list: grouped under their servers (the
// app's own clients last), filtered by state, server and peer, sorted by a header click.
// Only the rows in view are in the page, so 1,000 sessions cost what 30 do.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { Listener, Session } from '../../../../shared/model'
import {
  SESSION_COLUMNS,
  SESSION_ROW_HEIGHT,
  SESSION_TEMPLATE,
  SessionRow
} from '../../components/session-table'
import type { SessionAction } from '../../components/session-table'
import type { RateHistory } from '../../store/rate-history'
import { GroupHeader, GROUP_ROW_HEIGHT } from './group-header'
import type { ServerAction } from './group-header'
import { DEFAULT_SORT, listItems, NO_FILTER } from './session-rows'
import type { SessionFilter, SortKey, SortOrder } from './session-rows'
import { SessionToolbar } from './session-toolbar'

/** The columns a header click sorts by. */
const SORTABLE: Partial<Record<string, SortKey>> = {
  id: 'id',
  remote: 'peer',
  'app-state': 'state',
  'bytes-in': 'bytesIn',
  'bytes-out': 'bytesOut',
  duration: 'duration'
}

export interface SessionListProps {
  readonly listeners: readonly Listener[]
  readonly sessions: readonly Session[]
  readonly rates: RateHistory
  readonly now: number
  readonly selected: string | null
  readonly onSelect: (id: string) => void
  readonly onAction: (id: string, action: SessionAction) => void
  readonly onServerAction: (id: string, action: ServerAction) => void
  readonly onClearClosed: () => void
  /** Closed sessions the core (or this page) has let go of, to stay within the bound. */
  readonly forgotten: number
}

function SortHeader({
  order,
  onSort
}: {
  readonly order: SortOrder
  readonly onSort: (key: SortKey) => void
}): ReactElement {
  const { t } = useTranslation('echo')
  return (
    <div role="row" className="session-head" style={{ gridTemplateColumns: SESSION_TEMPLATE }}>
      {SESSION_COLUMNS.map((c) => {
        const key = SORTABLE[c.key]
        const sorted = key !== undefined && order.key === key
        return (
          <div
            key={c.key}
            role="columnheader"
            title={c.hint ? t(c.hint) : undefined}
            className={c.numeric ? 'num' : undefined}
            aria-sort={sorted ? (order.descending ? 'descending' : 'ascending') : undefined}
          >
            {key === undefined ? (
              t(c.title)
            ) : (
              <button type="button" className="sort" onClick={() => onSort(key)}>
                {t(c.title)}
                {sorted ? (order.descending ? ' ▼' : ' ▲') : ''}
              </button>
            )}
          </div>
        )
      })}
    </div>
  )
}

export function SessionList(props: SessionListProps): ReactElement {
  const { t } = useTranslation('echo')
  const { listeners, sessions, rates, now, selected, onSelect, onAction } = props
  const [filter, setFilter] = useState<SessionFilter>(NO_FILTER)
  const [order, setOrder] = useState<SortOrder>(DEFAULT_SORT)
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const scroller = useRef<HTMLDivElement>(null)
  // Only a sort by duration moves with the clock; the others need not redo the list on it.
  const sortNow = order.key === 'duration' ? now : 0
  const items = useMemo(
    () => listItems(listeners, sessions, filter, order, collapsed, sortNow),
    [listeners, sessions, filter, order, collapsed, sortNow]
  )
  const shown = useMemo(() => items.filter((i) => i.kind === 'session').length, [items])

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (items[i]?.kind === 'group' ? GROUP_ROW_HEIGHT : SESSION_ROW_HEIGHT),
    getItemKey: (i) => items[i]?.key ?? i,
    overscan: 6
  })

  // A new selection (a client just connected, a pick in the console) is scrolled into view.
  const selectedIndex = useMemo(
    () => (selected === null ? -1 : items.findIndex((i) => i.key === selected)),
    [items, selected]
  )
  const found = selectedIndex >= 0
  useEffect(() => {
    if (found) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
    // Only when the selection changes or first appears, not on every update of the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, found])

  const toggle = (key: string): void =>
    setCollapsed((prev) => {
      const next = new Set(prev)
      if (!next.delete(key)) next.add(key)
      return next
    })

  return (
    <section className="session-list" aria-label={t('list.aria')}>
      <SessionToolbar
        listeners={listeners}
        sessions={sessions}
        shown={shown}
        filter={filter}
        onFilter={setFilter}
        onClearClosed={props.onClearClosed}
        forgotten={props.forgotten}
      />
      <div className="session-scroll" ref={scroller}>
        <div role="table" aria-label={t('list.aria')} aria-rowcount={items.length + 1}>
          <SortHeader
            order={order}
            onSort={(key) =>
              setOrder((o) => ({ key, descending: o.key === key ? !o.descending : false }))
            }
          />
          <div
            role="rowgroup"
            className="session-body"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((v) => {
              const item = items[v.index]!
              return item.kind === 'group' ? (
                <GroupHeader
                  key={item.key}
                  item={item}
                  start={v.start}
                  onToggle={toggle}
                  onAction={props.onServerAction}
                />
              ) : (
                <SessionRow
                  key={item.key}
                  session={item.session}
                  start={v.start}
                  selected={selected === item.key}
                  rates={rates}
                  now={now}
                  onSelect={onSelect}
                  onAction={onAction}
                />
              )
            })}
          </div>
        </div>
        {sessions.length === 0 && listeners.length === 0 ? (
          <p className="muted empty-hint" role="note">
            <Trans t={t} i18nKey="list.empty" components={{ code: <code /> }} />
          </p>
        ) : null}
      </div>
    </section>
  )
}
