// Above the table: the filter box, the quick toggles (protocols, states, loopback), pause,
// poll rate, source, columns, and export of the rows in view. Other rooms add their own
// toggles through `extra` (the second row's end).
import { memo } from 'react'
import type { MouseEvent, ReactElement, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionsSettings } from '../../../../shared/connections-settings'
import type {
  TableOptions,
  TableRow,
  TableSourceId,
  TableSourceInfo,
  TableStatus
} from '../../../../shared/model'
import { formatCsv, formatJson } from '../../../../shared/row-format'
import { i18n } from '../../i18n'
import { saveText } from '../../components/download'
import { ErrorNote } from '../../components/error-note'
import { formatCount } from '../../components/format'
import { useAction } from '../../components/form-bits'
import type { TableStore } from '../../store/table-store'
import { ColumnChooser } from './column-chooser'
import { FilterBox, FilterProblems } from './filter-box'
import { chipClick, PROTOCOL_TOGGLES, stateShown } from './toggles'
import type { Toggles } from './toggles'

/** The rates the core accepts (0.25–10 Hz), as a short menu. */
const RATES = [0.25, 0.5, 1, 2, 5, 10] as const

export interface TableToolbarProps {
  readonly store: TableStore
  // The slices of the table's state the toolbar shows, not the state itself: rows change
  // every frame, and the memo below would then never hold.
  readonly loaded: boolean
  readonly total: number
  readonly paused: boolean
  readonly status: TableStatus | null
  readonly sources: readonly TableSourceInfo[]
  readonly stateCounts: ReadonlyArray<readonly [string, number]>
  /** What the user set (filter, toggles, columns): remembered in the settings. */
  readonly settings: ConnectionsSettings
  readonly onSettings: (patch: Partial<ConnectionsSettings>) => void
  /** The same toggles as sets, as the rows are filtered with them. */
  readonly toggles: Toggles
  /** More controls at the end of the toggles' row (a stable element, or the memo is lost). */
  readonly extra?: ReactNode
  /** How many rows are in view. */
  readonly shown: number
  /** The rows in view, for export; a function, so new rows do not re-render the toolbar. */
  readonly rowsInView: () => readonly TableRow[]
}

function flip<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item]
}

const chipTitle = (state: string, shown: boolean, only: boolean): string =>
  i18n.t(
    only
      ? 'connections:toolbar.chipOnly'
      : shown
        ? 'connections:toolbar.chipHide'
        : 'connections:toolbar.chipShow',
    { state }
  )

const stamp = (): string => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')

/** Memoized: scrolling the table re-renders the view, not its controls. */
export const TableToolbar = memo(function TableToolbar(props: TableToolbarProps): ReactElement {
  const { store, loaded, total, paused, status, settings, onSettings, toggles, shown, rowsInView } =
    props
  const { t } = useTranslation('connections')
  const sources = props.sources.filter((s) => s.available)
  // A source or rate the core refuses is said here, beside the picker, not in the console.
  const [configureError, act] = useAction()
  const configure = (options: TableOptions): void => void act(() => store.configure(options))
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.aria')}>
      <div className="toolbar-row">
        <FilterBox value={settings.filter} onChange={(filter) => onSettings({ filter })} />
        <span className="muted" role="status" aria-label={t('toolbar.countAria')}>
          {loaded
            ? t('toolbar.count', { shown: formatCount(shown), total: formatCount(total) })
            : t('toolbar.reading')}
        </span>
        <button
          type="button"
          aria-pressed={paused}
          aria-keyshortcuts="Space"
          title={t('toolbar.pauseTitle')}
          onClick={() => store.setPaused(!paused)}
        >
          {paused ? t('toolbar.resume') : t('toolbar.pause')}
        </button>
        <label>
          {t('toolbar.pollRate')}
          <select
            value={status?.rateHz ?? 1}
            onChange={(e) => configure({ rateHz: Number(e.target.value) })}
          >
            {RATES.map((hz) => (
              <option key={hz} value={hz}>
                {hz < 1
                  ? t('toolbar.everySeconds', { seconds: 1 / hz })
                  : t('toolbar.hertz', { hz })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('toolbar.source')}
          <select
            value={status?.source ?? ''}
            onChange={(e) => configure({ source: e.target.value as TableSourceId })}
          >
            {status && !sources.some((s) => s.id === status.source) ? (
              <option value={status.source}>{status.source}</option>
            ) : null}
            {sources.map((s) => (
              <option key={s.id} value={s.id} title={s.detail}>
                {s.id}
              </option>
            ))}
          </select>
        </label>
        <ColumnChooser value={settings} onChange={onSettings} />
        <button
          type="button"
          onClick={() => saveText(`sockets-${stamp()}.csv`, formatCsv(rowsInView()), 'text/csv')}
        >
          {t('toolbar.exportCsv')}
        </button>
        <button
          type="button"
          onClick={() =>
            saveText(`sockets-${stamp()}.json`, formatJson(rowsInView()), 'application/json')
          }
        >
          {t('toolbar.exportJson')}
        </button>
      </div>
      <FilterProblems value={settings.filter} />
      {configureError ? <ErrorNote error={configureError} /> : null}
      <div className="toolbar-row toggles">
        {PROTOCOL_TOGGLES.map((p) => (
          <label key={p} className="check">
            <input
              type="checkbox"
              checked={toggles.protocols.has(p)}
              onChange={() => onSettings({ protocols: flip(settings.protocols, p) })}
            />
            {p.toUpperCase()}
          </label>
        ))}
        <label className="check">
          <input
            type="checkbox"
            checked={settings.hideLoopback}
            onChange={() => onSettings({ hideLoopback: !settings.hideLoopback })}
          />
          {t('toolbar.hideLoopback')}
        </label>
        <span className="chips" role="group" aria-label={t('toolbar.statesAria')}>
          {props.stateCounts.map(([s, n]) => {
            const on = stateShown(toggles, s)
            return (
              <button
                key={s}
                type="button"
                className="chip"
                aria-pressed={on}
                data-only={toggles.onlyState === s || undefined}
                title={chipTitle(s, on, toggles.onlyState === s)}
                onClick={(e: MouseEvent) =>
                  onSettings({ states: chipClick(settings.states, s, e.altKey) })
                }
              >
                {s} <span className="muted">{formatCount(n)}</span>
              </button>
            )
          })}
        </span>
        {props.extra}
      </div>
    </div>
  )
})
