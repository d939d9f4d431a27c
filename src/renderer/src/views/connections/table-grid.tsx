// The table itself: a header that sorts and resizes, and a virtualized body (only the rows
// in view are in the DOM), ↑/↓ moving the selection. What it shows is worked out by the view.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { KeyboardEvent, MouseEvent, ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { SortDirection } from '../../../../shared/connections-settings'
import type { TableRow } from '../../../../shared/model'
import type { TableState } from '../../store/table-store'
import { MARK_MS } from '../../store/table-store'
import type { ColumnLayout } from './columns'
import { GridHead } from './grid-head'
import { GridRow, ROW_HEIGHT } from './grid-row'
import type { Highlighter } from './highlight'

export interface TableGridProps {
  /** The rows to show, filtered and sorted. */
  readonly rows: readonly TableRow[]
  readonly loaded: boolean
  /** Every row the table has, shown or not. */
  readonly total: number
  readonly marks: TableState['marks']
  readonly now: number
  readonly layout: ColumnLayout
  readonly widths: Readonly<Record<string, number>>
  readonly sort: { readonly column: string; readonly direction: SortDirection }
  readonly onSort: (column: string) => void
  readonly onWidth: (column: string, width: number | null) => void
  readonly highlight: Highlighter | null
  readonly selectedId: string | null
  readonly onSelect: (id: string) => void
  readonly onRowContextMenu?: (row: TableRow, event: MouseEvent<HTMLDivElement>) => void
}

export function TableGrid({
  rows,
  loaded,
  total,
  marks,
  now,
  layout,
  widths,
  sort,
  onSort,
  onWidth,
  highlight,
  selectedId,
  onSelect,
  onRowContextMenu
}: TableGridProps): ReactElement {
  const { t } = useTranslation('connections')
  const scroller = useRef<HTMLDivElement>(null)
  const head = useRef<HTMLDivElement>(null)
  // No React Compiler here: the virtualizer's functions are read fresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12
  })

  const markOf = (r: TableRow): string => {
    if (r.closingSince !== null) return 'closing'
    const m = marks.get(r.id)
    return m && now - m.at < MARK_MS ? m.mark : ''
  }

  // Up/Down move the selection.
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    const at = rows.findIndex((r) => r.id === selectedId)
    const next = Math.min(rows.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)))
    const row = rows[next]
    if (!row) return
    onSelect(row.id)
    virtualizer.scrollToIndex(next)
  }

  return (
    <div
      className="grid"
      role="table"
      aria-label={t('grid.aria')}
      aria-rowcount={rows.length + 1}
      tabIndex={0}
      onKeyDown={onKey}
    >
      {/* The header scrolls sideways with the body (a narrow window), not up and down. */}
      <div className="grid-head-scroll" role="rowgroup" ref={head}>
        <GridHead layout={layout} widths={widths} sort={sort} onSort={onSort} onWidth={onWidth} />
      </div>
      <div
        className="grid-body"
        ref={scroller}
        onScroll={(e) => {
          if (head.current) head.current.scrollLeft = e.currentTarget.scrollLeft
        }}
      >
        {loaded && rows.length === 0 ? (
          <p className="empty muted">{total === 0 ? t('grid.noSockets') : t('grid.noMatch')}</p>
        ) : null}
        <div
          style={{
            height: virtualizer.getTotalSize(),
            minWidth: layout.minWidth,
            position: 'relative'
          }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const r = rows[item.index]!
            return (
              <GridRow
                key={r.id}
                row={r}
                index={item.index}
                start={item.start}
                mark={markOf(r)}
                selected={r.id === selectedId}
                now={now}
                layout={layout}
                highlight={highlight}
                onSelect={onSelect}
                onContextMenu={onRowContextMenu}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}
