// Above the table: the filter box, the quick toggles (protocols, states, loopback), pause,
// poll rate, source, and export of the rows in view.
import { memo } from 'react'
import type { ReactElement } from 'react'
import type {
  TableOptions,
  TableRow,
  TableSourceId,
  TableSourceInfo,
  TableStatus
} from '../../../../shared/model'
import { formatCsv, formatJson } from '../../../../shared/row-format'
import { saveText } from '../../components/download'
import { ErrorNote } from '../../components/error-note'
import { useAction } from '../../components/form-bits'
import type { TableStore } from '../../store/table-store'
import { PROTOCOL_TOGGLES } from './toggles'
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
  readonly filter: string
  readonly onFilter: (text: string) => void
  readonly toggles: Toggles
  readonly onToggles: (t: Toggles) => void
  /** How many rows are in view. */
  readonly shown: number
  /** The rows in view, for export; a function, so new rows do not re-render the toolbar. */
  readonly rowsInView: () => readonly TableRow[]
}

function flip<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const next = new Set(set)
  if (!next.delete(item)) next.add(item)
  return next
}

const stamp = (): string => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')

/** Memoized: scrolling the table re-renders the view, not its controls. */
export const TableToolbar = memo(function TableToolbar(props: TableToolbarProps): ReactElement {
  const {
    store,
    loaded,
    total,
    paused,
    status,
    filter,
    onFilter,
    toggles,
    onToggles,
    shown,
    rowsInView
  } = props
  const sources = props.sources.filter((s) => s.available)
  // A source or rate the core refuses is said here, beside the picker, not in the console.
  const [configureError, act] = useAction()
  const configure = (options: TableOptions): void => void act(() => store.configure(options))
  return (
    <div className="toolbar" role="toolbar" aria-label="Table controls">
      <div className="toolbar-row">
        <input
          type="search"
          aria-label="Filter connections"
          aria-keyshortcuts="Control+F"
          placeholder="port:80 pid:123 state:listen proc:node proto:udp mine — or any text"
          value={filter}
          onChange={(e) => onFilter(e.target.value)}
        />
        <span className="muted" role="status" aria-label="Connection count">
          {loaded ? `${shown} of ${total} sockets` : 'Reading the table…'}
        </span>
        <button
          type="button"
          aria-pressed={paused}
          aria-keyshortcuts="Space"
          title="Hold the table still (Space)"
          onClick={() => store.setPaused(!paused)}
        >
          {paused ? '▶ Resume' : '❚❚ Pause'}
        </button>
        <label>
          Poll rate
          <select
            value={status?.rateHz ?? 1}
            onChange={(e) => configure({ rateHz: Number(e.target.value) })}
          >
            {RATES.map((hz) => (
              <option key={hz} value={hz}>
                {hz < 1 ? `every ${1 / hz} s` : `${hz} Hz`}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
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
        <button
          type="button"
          onClick={() => saveText(`sockets-${stamp()}.csv`, formatCsv(rowsInView()), 'text/csv')}
        >
          Export CSV
        </button>
        <button
          type="button"
          onClick={() =>
            saveText(`sockets-${stamp()}.json`, formatJson(rowsInView()), 'application/json')
          }
        >
          Export JSON
        </button>
      </div>
      {configureError ? <ErrorNote error={configureError} /> : null}
      <div className="toolbar-row toggles">
        {PROTOCOL_TOGGLES.map((p) => (
          <label key={p} className="check">
            <input
              type="checkbox"
              checked={toggles.protocols.has(p)}
              onChange={() => onToggles({ ...toggles, protocols: flip(toggles.protocols, p) })}
            />
            {p.toUpperCase()}
          </label>
        ))}
        <label className="check">
          <input
            type="checkbox"
            checked={toggles.hideLoopback}
            onChange={() => onToggles({ ...toggles, hideLoopback: !toggles.hideLoopback })}
          />
          Hide loopback
        </label>
        <span className="chips" role="group" aria-label="States">
          {props.stateCounts.map(([s, n]) => (
            <button
              key={s}
              type="button"
              className="chip"
              aria-pressed={!toggles.hiddenStates.has(s)}
              title={toggles.hiddenStates.has(s) ? `Show ${s}` : `Hide ${s}`}
              onClick={() => onToggles({ ...toggles, hiddenStates: flip(toggles.hiddenStates, s) })}
            >
              {s} <span className="muted">{n}</span>
            </button>
          ))}
        </span>
      </div>
    </div>
  )
})
