// One row of the virtualized table. Memoized: while scrolling, only the rows that come into
// view render; the rest keep their props (row object, position, mark) and are skipped.
import { memo } from 'react'
import type { ReactElement } from 'react'
import type { TableRow } from '../../../../shared/model'
import { COLUMNS, TEMPLATE } from './columns'

export const ROW_HEIGHT = 28

export interface GridRowProps {
  readonly row: TableRow
  readonly index: number
  readonly start: number
  readonly mark: string
  readonly selected: boolean
  readonly now: number
  readonly onSelect: (id: string) => void
}

export const GridRow = memo(function GridRow({
  row,
  index,
  start,
  mark,
  selected,
  now,
  onSelect
}: GridRowProps): ReactElement {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-row-id={row.id}
      className="grid-row"
      data-mark={mark}
      data-mine={row.sessionId !== null || row.listenerId !== null ? 'true' : undefined}
      onClick={() => onSelect(row.id)}
      style={{
        gridTemplateColumns: TEMPLATE,
        height: ROW_HEIGHT,
        transform: `translateY(${start}px)`
      }}
    >
      {COLUMNS.map((c) => (
        <div key={c.key} role="cell" className={c.numeric ? 'num' : undefined}>
          {c.text(row, now)}
        </div>
      ))}
    </div>
  )
})
