// The table's header: the whole cell sorts (click again to turn the order), an arrow shows
// which column and which way, and a handle on each cell's right edge resizes the column —
// dragged with the pointer, or with ←/→ once focused; a double click gives back its width.
import { memo, useRef } from 'react'
import type { KeyboardEvent, PointerEvent, ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { SortDirection } from '../../../../shared/connections-settings'
import { CONNECTIONS_LIMITS } from '../../../../shared/connections-settings'
import type { Column, ColumnLayout } from './columns'
import { widthOf } from './columns'
import { COLUMN_GAP_PX, ROW_PAD_PX } from './grid-row'

/** How far one arrow key press moves a column's edge. */
const KEY_STEP_PX = 10

export interface GridHeadProps {
  readonly layout: ColumnLayout
  readonly widths: Readonly<Record<string, number>>
  readonly sort: { readonly column: string; readonly direction: SortDirection }
  readonly onSort: (column: string) => void
  /** A column's new width in CSS pixels, as it is dragged; null: back to its default. */
  readonly onWidth: (column: string, width: number | null) => void
}

const clamp = (w: number): number =>
  Math.round(
    Math.min(
      CONNECTIONS_LIMITS.columnWidthPx.max,
      Math.max(CONNECTIONS_LIMITS.columnWidthPx.min, w)
    )
  )

function ResizeHandle({
  column,
  width,
  onWidth
}: {
  readonly column: Column
  readonly width: number
  readonly onWidth: GridHeadProps['onWidth']
}): ReactElement {
  const { t } = useTranslation('connections')
  const drag = useRef<{ x: number; from: number } | null>(null)
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    e.preventDefault()
    e.stopPropagation()
    e.currentTarget.setPointerCapture(e.pointerId)
    // The cell's width as drawn: a growing column may be wider than its set width.
    const cell = e.currentTarget.parentElement?.getBoundingClientRect().width ?? width
    drag.current = { x: e.clientX, from: cell }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current
    if (!d) return
    onWidth(column.key, clamp(d.from + e.clientX - d.x))
  }
  const onPointerUp = (): void => {
    drag.current = null
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.key === 'ArrowRight' ? KEY_STEP_PX : e.key === 'ArrowLeft' ? -KEY_STEP_PX : 0
    if (step === 0) return
    e.preventDefault()
    e.stopPropagation()
    const cell = e.currentTarget.parentElement?.getBoundingClientRect().width ?? width
    onWidth(column.key, clamp(cell + step))
  }
  return (
    <div
      className="col-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('columns.resize', { label: column.label })}
      aria-valuenow={width}
      aria-valuemin={CONNECTIONS_LIMITS.columnWidthPx.min}
      aria-valuemax={CONNECTIONS_LIMITS.columnWidthPx.max}
      tabIndex={0}
      title={t('columns.resizeTitle')}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => {
        e.stopPropagation()
        onWidth(column.key, null)
      }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}

export const GridHead = memo(function GridHead({
  layout,
  widths,
  sort,
  onSort,
  onWidth
}: GridHeadProps): ReactElement {
  // Heard so the labels (read from the columns) are drawn again when the language changes.
  useTranslation('connections')
  return (
    <div
      className="grid-row grid-head"
      role="row"
      style={{
        gridTemplateColumns: layout.template,
        minWidth: layout.minWidth,
        columnGap: COLUMN_GAP_PX,
        paddingInline: ROW_PAD_PX
      }}
    >
      {layout.columns.map((c) => {
        const sorted = sort.column === c.key
        const arrow = sorted ? (sort.direction === 'asc' ? '▲' : '▼') : ''
        return (
          <div
            key={c.key}
            role="columnheader"
            // Named by its label alone, not by the resize handle inside it.
            aria-label={c.label}
            aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            className={c.numeric ? 'num' : undefined}
            title={c.title}
            data-column={c.key}
          >
            {/* The button fills the cell, so a click anywhere on the header sorts. */}
            <button type="button" className="sort-button" onClick={() => onSort(c.key)}>
              <span className="sort-label">{c.label}</span>
              <span className="sort-arrow" aria-hidden="true">
                {arrow}
              </span>
            </button>
            <ResizeHandle column={c} width={widthOf(c, widths)} onWidth={onWidth} />
          </div>
        )
      })}
    </div>
  )
})
