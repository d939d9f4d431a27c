// One row of the virtualized table. Memoized: while scrolling, only the rows that come into
// view render; the rest keep their props (row object, position, mark) and are skipped.
import { memo } from 'react'
import type { MouseEvent, ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { TableRow } from '../../../../shared/model'
import type { ColumnLayout } from './columns'
import type { Highlighter } from './highlight'

export const ROW_HEIGHT = 28
/** Space between columns and at the row's ends, in CSS pixels (layoutColumns counts them). */
export const COLUMN_GAP_PX = 10
export const ROW_PAD_PX = 10

export interface GridRowProps {
  readonly row: TableRow
  readonly index: number
  readonly start: number
  readonly mark: string
  readonly selected: boolean
  readonly now: number
  readonly layout: ColumnLayout
  /** Marks what the filter matched; null with no filter. */
  readonly highlight: Highlighter | null
  readonly onSelect: (id: string) => void
  /** For a context menu on a row (a stable function, or the memo is lost). */
  readonly onContextMenu?: (row: TableRow, event: MouseEvent<HTMLDivElement>) => void
}

export const GridRow = memo(function GridRow({
  row,
  index,
  start,
  mark,
  selected,
  now,
  layout,
  highlight,
  onSelect,
  onContextMenu
}: GridRowProps): ReactElement {
  // Heard so the cells' words (the columns' functions) are drawn again when the language changes.
  useTranslation('connections')
  const mine = row.sessionId !== null || row.listenerId !== null
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-row-id={row.id}
      className="grid-row"
      data-mark={mark}
      data-mine={mine ? 'true' : undefined}
      onClick={() => onSelect(row.id)}
      onContextMenu={onContextMenu ? (e) => onContextMenu(row, e) : undefined}
      style={{
        gridTemplateColumns: layout.template,
        minWidth: layout.minWidth,
        columnGap: COLUMN_GAP_PX,
        paddingInline: ROW_PAD_PX,
        height: ROW_HEIGHT,
        transform: `translateY(${start}px)`
      }}
    >
      {layout.columns.map((c) => {
        const text = c.text(row, now)
        return (
          <div
            key={c.key}
            role="cell"
            className={c.numeric ? 'num' : undefined}
            // A cell too narrow for its text is cut with "…": the whole of it is here.
            title={c.tip ? c.tip(row) : text}
          >
            {highlight ? highlight(c.key, text) : text}
          </div>
        )
      })}
    </div>
  )
})
