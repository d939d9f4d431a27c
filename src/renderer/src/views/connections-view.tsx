// Every socket on the machine, live: a virtualized table (only the rows in view are in the
// DOM), sortable and resizable columns, one filter box (row-filter.ts), quick toggles, and
// the selected socket's details in a pane docked right or below, its size dragged. What the
// user sets is kept in the settings (useSetting), so it is there again after a reload.
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore
} from 'react'
import type { MouseEvent, ReactElement, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Group, Panel, Separator } from 'react-resizable-panels'
import type { Layout, LayoutChangedMeta } from 'react-resizable-panels'
import type { ConnectionsSettings } from '../../../shared/connections-settings'
import type { TableRow } from '../../../shared/model'
import { checkFilter } from '../../../shared/row-filter'
import { StaleNote } from '../components/stale-note'
import { useNow } from '../components/use-now'
import type { InspectorApi } from '../../../shared/contract'
import type { NamesStore } from '../store/names-store'
import { useSetting, useSettingsStore } from '../store/use-setting'
import type { TableStore } from '../store/table-store'
import { MARK_MS } from '../store/table-store'
import { COLUMN_BY_KEY, COLUMNS, layoutColumns } from './connections/columns'
import { GroupedTable } from './connections/grouped-table'
import { InsightControls } from './connections/insight-controls'
import { highlighterFor } from './connections/highlight'
import { RowDetails } from './connections/row-details'
import { TableGrid } from './connections/table-grid'
import { TableToolbar } from './connections/table-toolbar'
import { togglesOf } from './connections/toggles'
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
  /** A right-click on a row (a stable function: rows are memoized on their props). */
  readonly onRowContextMenu?: (row: TableRow, event: MouseEvent<HTMLDivElement>) => void
  /** More toggles for the toolbar (a stable element). */
  readonly toolbarExtra?: ReactNode
  /** Set the filter from outside (the row menu's "Filter: …"); seq makes a repeat count. */
  readonly filterRequest?: { readonly text: string; readonly seq: number } | null
}

const TABLE_PANE = 'table'
const DETAILS_PANE = 'details'

/** The Connections settings, and a way to change some of them. */
function useConnectionsSettings(): readonly [
  ConnectionsSettings,
  (patch: Partial<ConnectionsSettings>) => void
] {
  const [settings] = useSetting('connections')
  const store = useSettingsStore()
  // Read the latest at call time: two changes in one event must not undo each other.
  const patch = useCallback(
    (p: Partial<ConnectionsSettings>) =>
      store.set('connections', { ...store.get('connections'), ...p }),
    [store]
  )
  return [settings, patch] as const
}

export function ConnectionsView({
  store,
  api,
  names,
  open,
  onOpened,
  onRowContextMenu,
  toolbarExtra,
  filterRequest
}: ConnectionsViewProps): ReactElement {
  const { t } = useTranslation('connections')
  const state = useSyncExternalStore(store.subscribe, store.getState)
  const [settings, patch] = useConnectionsSettings()
  // A filter asked for from outside becomes the (remembered) filter, once per request.
  const appliedRequest = useRef<number | null>(null)
  useEffect(() => {
    if (!filterRequest || filterRequest.seq === appliedRequest.current) return
    appliedRequest.current = filterRequest.seq
    patch({ filter: filterRequest.text })
  }, [filterRequest, patch])
  const deferredFilter = useDeferredValue(settings.filter)
  const [selectedId, setSelectedId] = useState<string | null>(open?.id ?? null)
  const [grouped, setGrouped] = useState(false)
  // A row asked for from outside is selected once per request (while rendering, not in an
  // effect, so the details show on this frame); the asker hears it was done afterwards.
  const [openedN, setOpenedN] = useState<number | null>(null)
  if (open && open.n !== openedN) {
    setOpenedN(open.n)
    setSelectedId(open.id)
  }
  useEffect(() => {
    if (open && open.n === openedN) onOpened?.()
  }, [open, openedN, onOpened])
  // Re-colour as marks age out; ages and timelines move with it.
  useNow(MARK_MS / 2)
  // The store's clock: the wall clock live, the recording's time in a replay (ages, marks).
  const now = store.clock()

  // Service names for port:ssh: the built-in list, then the OS's file once it is loaded.
  const namesState = useSyncExternalStore(names.subscribe, names.getState)
  const terms = useMemo(
    () => (namesState ? checkFilter(deferredFilter, names.services).terms : []),
    [deferredFilter, names, namesState]
  )
  const highlight = useMemo(() => highlighterFor(terms), [terms])
  const { protocols, states, hideLoopback } = settings
  const toggles = useMemo(
    () => togglesOf({ protocols, states, hideLoopback }),
    [protocols, states, hideLoopback]
  )
  const { columnOrder, columnWidths, hiddenColumns } = settings
  const layout = useMemo(
    () => layoutColumns({ columnOrder, columnWidths, hiddenColumns }),
    [columnOrder, columnWidths, hiddenColumns]
  )
  const column = COLUMN_BY_KEY.get(settings.sort.column) ?? COLUMNS[1]!
  const dir = settings.sort.direction === 'asc' ? 1 : -1
  const [deriver] = useState(() => new VisibleRows())
  const visible = useMemo(
    () =>
      deriver.derive({
        rows: state.rows,
        version: state.version,
        structure: state.structure,
        terms,
        column,
        dir,
        toggles,
        changedSince: (v) => store.changedSince(v),
        rowOf: (id) => store.row(id)
      }),
    [deriver, state, terms, column, dir, toggles, store]
  )
  const latest = useRef(visible)
  useEffect(() => {
    latest.current = visible
  }, [visible])
  const rowsInView = useCallback(() => latest.current, [])
  const selected = selectedId === null ? undefined : state.rows.find((r) => r.id === selectedId)

  const sort = settings.sort
  const onSort = useCallback(
    (key: string) =>
      patch({
        sort: {
          column: key,
          direction: sort.column === key && sort.direction === 'asc' ? 'desc' : 'asc'
        }
      }),
    [patch, sort]
  )
  const onWidth = useCallback(
    (key: string, width: number | null) => {
      const rest = Object.fromEntries(Object.entries(columnWidths).filter(([k]) => k !== key))
      patch({ columnWidths: width === null ? rest : { ...rest, [key]: width } })
    },
    [patch, columnWidths]
  )

  const dock = settings.detailsDock
  const detailsSize = settings.detailsSize
  const onLayoutChanged = useCallback(
    (l: Layout, meta: LayoutChangedMeta) => {
      const size = l[DETAILS_PANE]
      if (!meta.isUserInteraction || size === undefined) return
      patch({ detailsSize: { ...detailsSize, [dock]: Math.round(size * 100) / 100 } })
    },
    [patch, dock, detailsSize]
  )

  return (
    <section
      className="connections"
      aria-label={t('view.aria')}
      data-details={!!selected}
      data-dock={dock}
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
        settings={settings}
        onSettings={patch}
        toggles={toggles}
        shown={visible.length}
        rowsInView={rowsInView}
        extra={toolbarExtra}
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
      {state.staleSince !== null ? (
        <StaleNote since={state.staleSince} what={t('view.staleWhat')} />
      ) : null}
      {state.paused ? (
        <p className="paused-note" role="status">
          {t('view.paused')}
        </p>
      ) : null}
      <Group
        // A new group when the dock turns: its panes lie the other way.
        key={dock}
        className="connections-body"
        orientation={dock === 'right' ? 'horizontal' : 'vertical'}
        onLayoutChanged={onLayoutChanged}
      >
        <Panel id={TABLE_PANE} minSize="20%" className="table-pane">
          <TableGrid
            rows={visible}
            loaded={state.loaded}
            total={state.rows.length}
            marks={state.marks}
            now={now}
            layout={layout}
            widths={columnWidths}
            sort={sort}
            onSort={onSort}
            onWidth={onWidth}
            highlight={highlight}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onRowContextMenu={onRowContextMenu}
          />
        </Panel>
        {selected ? (
          <>
            <Separator className="pane-separator" aria-label={t('view.resizeDetails')} />
            <Panel
              id={DETAILS_PANE}
              defaultSize={`${detailsSize[dock]}%`}
              minSize="10%"
              maxSize="90%"
              className="details-pane"
            >
              <RowDetails
                // A new selection starts with no message from the last one.
                key={selected.id}
                row={selected}
                now={state.staleSince ?? now}
                stale={state.staleSince !== null}
                coreUid={state.coreUid}
                dock={dock}
                onDock={(d) => patch({ detailsDock: d })}
                onClose={() => setSelectedId(null)}
              />
            </Panel>
          </>
        ) : null}
      </Group>
    </section>
  )
}
