// "Columns": which columns show and in what order, in a popover under its button (the
// browser's own popover: Escape or a click outside closes it). Reset gives back the
// default order, widths and columns.
import { memo } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionsSettings } from '../../../../shared/connections-settings'
import { orderedColumns } from './columns'

type ColumnSettings = Pick<ConnectionsSettings, 'columnOrder' | 'columnWidths' | 'hiddenColumns'>

export interface ColumnChooserProps {
  readonly value: ColumnSettings
  readonly onChange: (next: ColumnSettings) => void
}

const POPOVER_ID = 'column-chooser'

export const ColumnChooser = memo(function ColumnChooser({
  value,
  onChange
}: ColumnChooserProps): ReactElement {
  const { t } = useTranslation('connections')
  const columns = orderedColumns(value.columnOrder)
  const hidden = new Set(value.hiddenColumns)
  const shownCount = columns.filter((c) => !hidden.has(c.key)).length
  const move = (i: number, by: -1 | 1): void => {
    const keys = columns.map((c) => c.key)
    const j = i + by
    ;[keys[i], keys[j]] = [keys[j]!, keys[i]!]
    onChange({ ...value, columnOrder: keys })
  }
  const toggle = (key: string): void =>
    onChange({
      ...value,
      hiddenColumns: hidden.has(key)
        ? value.hiddenColumns.filter((k) => k !== key)
        : [...value.hiddenColumns, key]
    })
  return (
    <>
      <button type="button" popoverTarget={POPOVER_ID} aria-haspopup="dialog">
        {t('columns.button')}
      </button>
      <div
        id={POPOVER_ID}
        popover="auto"
        className="popover"
        role="dialog"
        aria-label={t('columns.aria')}
      >
        <ul className="column-list">
          {columns.map((c, i) => (
            <li key={c.key}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={!hidden.has(c.key)}
                  // The last shown column stays: a table with none could not be got back.
                  disabled={!hidden.has(c.key) && shownCount === 1}
                  onChange={() => toggle(c.key)}
                />
                {c.label}
              </label>
              <button
                type="button"
                aria-label={t('columns.moveLeft', { label: c.label })}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('columns.moveRight', { label: c.label })}
                disabled={i === columns.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          onClick={() => onChange({ columnOrder: [], columnWidths: {}, hiddenColumns: [] })}
        >
          {t('columns.reset')}
        </button>
      </div>
    </>
  )
})
