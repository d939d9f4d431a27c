// Every socket on the machine, live: a virtualized table (only the rows in view are in the
// DOM), sortable columns, one filter box (row-filter.ts), quick toggles, and a details
// panel with the selected socket's life cycle.
import { useVirtualizer } from '@tanstack/react-virtual'
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore
} from 'react'
import type { KeyboardEvent, ReactElement } from 'react'
import type { TableRow } from '../../../shared/model'
import { parseFilter } from '../../../shared/row-filter'
import { StaleNote } from '../components/stale-note'
import { useNow } from '../components/use-now'
import type { InspectorApi } from '../../../shared/contract'
import type { NamesStore } from '../store/names-store'
import type { TableStore } from '../store/table-store'
import { GroupedTable } from './connections/grouped-table'
import { InsightControls } from './connections/insight-controls'
import { MARK_MS } from '../store/table-store'
import { COLUMNS, TEMPLATE } from './connections/columns'
import { GridRow, ROW_HEIGHT } from './connections/grid-row'
import { RowDetails } from './connections/row-details'
import { TableToolbar } from './connections/table-toolbar'
import { DEFAULT_TOGGLES } from './connections/toggles'
import type { Toggles } from './connections/toggles'
import { VisibleRows } from './connections/visible-rows'

export interface ConnectionsViewProps {
  readonly store: TableStore
  /** Grouping, names and history (insight-controls.tsx). */
  readonly api: InspectorApi
  readonly names: NamesStore
  /** A row to open the details of (from the Processes view or an alert); n makes it new. */
  readonly open?: { readonly id: string; readonly n: number } | null
  /** Said once the row is open, so a later visit does not open it again. */
  readonly onOpened?: () => void
  /** Set the filter from outside (the row menu's "Filter: …"); seq makes a repeat count. */
  readonly filterRequest?: { readonly text: string; readonly seq: number } | null
}

export function ConnectionsView({
  store,
  api,
  names,
  open,
  onOpened,
  filterRequest
}: ConnectionsViewProps): ReactElement {
  const state = useSyncExternalStore(store.subscribe, store.getState)
  const [filter, setFilter] = useState(filterRequest?.text ?? '')
  const [appliedRequest, setAppliedRequest] = useState(filterRequest?.seq)
  if (filterRequest && filterRequest.seq !== appliedRequest) {
    setAppliedRequest(filterRequest.seq)
    setFilter(filterRequest.text)
  }
  const deferredFilter = useDeferredValue(filter)
  const [toggles, setToggles] = useState<Toggles>(DEFAULT_TOGGLES)
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 }>({ key: 'local', dir: 1 })
  const [selectedId, setSelectedId] = useState<string | null>(open?.id ?? null)
  const [grouped, setGrouped] = useState(false)
  useEffect(() => {
    if (!open) return
    setSelectedId(open.id)
    onOpened?.()
  }, [open, onOpened])
  // Re-colour as marks age out; ages and timelines move with it.
  const now = useNow(MARK_MS / 2)
  const scroller = useRef<HTMLDivElement>(null)
  const head = useRef<HTMLDivElement>(null)

  // Service names for port:ssh: the built-in list, then the OS's file once it is loaded.
  const namesState = useSyncExternalStore(names.subscribe, names.getState)
  const terms = useMemo(
    () => (namesState ? parseFilter(deferredFilter, names.services) : []),
    [deferredFilter, names, namesState]
  )
  const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[1]!
  const [deriver] = useState(() => new VisibleRows())
  const visible = useMemo(
    () =>
      deriver.derive({
        rows: state.rows,
        version: state.version,
        structure: state.structure,
        terms,
        column,
        dir: sort.dir,
        toggles,
        changedSince: (v) => store.changedSince(v),
        rowOf: (id) => store.row(id)
      }),
    [deriver, state, terms, column, sort.dir, toggles, store]
  )
  const latest = useRef(visible)
  useEffect(() => {
    latest.current = visible
  }, [visible])
  const rowsInView = useCallback(() => latest.current, [])
  const selected = selectedId === null ? undefined : state.rows.find((r) => r.id === selectedId)

  // No React Compiler here: the virtualizer's functions are read fresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12
  })

  const markOf = (r: TableRow): string => {
    if (r.closingSince !== null) return 'closing'
    const m = state.marks.get(r.id)
    return m && now - m.at < MARK_MS ? m.mark : ''
  }

  // Up/Down move the selection.
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    const at = visible.findIndex((r) => r.id === selectedId)
    const next = Math.min(visible.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))
    const row = visible[next]
    if (!row) return
    setSelectedId(row.id)
    virtualizer.scrollToIndex(next)
  }

  return (
    <section
      className="connections"
      aria-label="Connections"
      data-details={!!selected}
      data-grouped={grouped}
      data-stale={state.staleSince !== null}
      // Escape closes the details, wherever the focus is within the view.
      onKeyDown={(e) => e.key === 'Escape' && setSelectedId(null)}
    >
      <TableToolbar
        store={store}
        loaded={state.loaded}
        total={state.rows.length}
        paused={state.paused}
        status={state.status}
        sources={state.sources}
        stateCounts={state.stateCounts}
        filter={filter}
        onFilter={setFilter}
        toggles={toggles}
        onToggles={setToggles}
        shown={visible.length}
        rowsInView={rowsInView}
      />
      <InsightControls api={api} names={names} grouped={grouped} onGrouped={setGrouped} />
      {grouped ? (
        <GroupedTable
          api={api}
          table={store}
          filter={deferredFilter}
          onOpenSocket={(id) => {
            setGrouped(false)
            setSelectedId(id)
          }}
        />
      ) : null}
      {state.staleSince !== null ? <StaleNote since={state.staleSince} what="The table" /> : null}
      {state.paused ? (
        <p className="paused-note" role="status">
          Paused — the table is held still. Press Space or Resume to catch up.
        </p>
      ) : null}
      <div className="connections-body">
        <div
          className="grid"
          role="table"
          aria-label="Connections table"
          aria-rowcount={visible.length + 1}
          tabIndex={0}
          onKeyDown={onKey}
        >
          {/* The header scrolls sideways with the body (a narrow window), not up and down. */}
          <div className="grid-head-scroll" role="rowgroup" ref={head}>
            <div
              className="grid-row grid-head"
              role="row"
              style={{ gridTemplateColumns: TEMPLATE }}
            >
              {COLUMNS.map((c) => (
                <div
                  key={c.key}
                  role="columnheader"
                  aria-sort={
                    sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'
                  }
                  className={c.numeric ? 'num' : undefined}
                  title={c.title}
                >
                  <button
                    type="button"
                    onClick={() =>
                      setSort((s) => ({
                        key: c.key,
                        dir: s.key === c.key ? (-s.dir as 1 | -1) : 1
                      }))
                    }
                  >
                    {c.label}
                  </button>
                </div>
              ))}
            </div>
          </div>
          <div
            className="grid-body"
            ref={scroller}
            onScroll={(e) => {
              if (head.current) head.current.scrollLeft = e.currentTarget.scrollLeft
            }}
          >
            {state.loaded && visible.length === 0 ? (
              <p className="empty muted">
                {state.rows.length === 0
                  ? 'The source returned no sockets. The Machine view says what it can and cannot see.'
                  : 'No socket matches this filter and these toggles. Clear the filter, or try port:22, state:listen, proc:node or mine.'}
              </p>
            ) : null}
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const r = visible[item.index]!
                return (
                  <GridRow
                    key={r.id}
                    row={r}
                    index={item.index}
                    start={item.start}
                    mark={markOf(r)}
                    selected={r.id === selectedId}
                    now={now}
                    onSelect={setSelectedId}
                  />
                )
              })}
            </div>
          </div>
        </div>
        {selected ? (
          <RowDetails
            row={selected}
            now={state.staleSince ?? now}
            stale={state.staleSince !== null}
            onClose={() => setSelectedId(null)}
          />
        ) : null}
      </div>
    </section>
  )
}
