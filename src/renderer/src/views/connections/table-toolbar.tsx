// Above the table: the filter box, the quick toggles (protocols, states, loopback), pause,
// poll rate, source, and export of the rows in view.
import { useMemo } from 'react'
import type { ReactElement } from 'react'
import type { TableRow, TableSourceId } from '../../../../shared/model'
import { formatCsv, formatJson } from '../../../../shared/row-format'
import { saveText } from '../../components/download'
import type { TableState, TableStore } from '../../store/table-store'
import { countStates, PROTOCOL_TOGGLES } from './toggles'
import type { Toggles } from './toggles'

/** The rates the core accepts (0.25–10 Hz), as a short menu. */
const RATES = [0.25, 0.5, 1, 2, 5, 10] as const

export interface TableToolbarProps {
  readonly store: TableStore
  readonly state: TableState
  readonly filter: string
  readonly onFilter: (text: string) => void
  readonly toggles: Toggles
  readonly onToggles: (t: Toggles) => void
  readonly visible: readonly TableRow[]
}

function flip<T>(set: ReadonlySet<T>, item: T): Set<T> {
  const next = new Set(set)
  if (!next.delete(item)) next.add(item)
  return next
}

const stamp = (): string => new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')

export function TableToolbar(props: TableToolbarProps): ReactElement {
  const { store, state, filter, onFilter, toggles, onToggles, visible } = props
  const status = state.status
  const sources = state.sources.filter((s) => s.available)
  const stateCounts = useMemo(() => countStates(state.rows), [state.rows])
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
          {state.loaded
            ? `${visible.length} of ${state.rows.length} sockets`
            : 'Reading the table…'}
        </span>
        <button
          type="button"
          aria-pressed={state.paused}
          aria-keyshortcuts="Space"
          title="Hold the table still (Space)"
          onClick={() => store.setPaused(!state.paused)}
        >
          {state.paused ? '▶ Resume' : '❚❚ Pause'}
        </button>
        <label>
          Poll rate
          <select
            value={status?.rateHz ?? 1}
            onChange={(e) => void store.configure({ rateHz: Number(e.target.value) })}
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
            onChange={(e) => void store.configure({ source: e.target.value as TableSourceId })}
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
          onClick={() => saveText(`sockets-${stamp()}.csv`, formatCsv(visible), 'text/csv')}
        >
          Export CSV
        </button>
        <button
          type="button"
          onClick={() =>
            saveText(`sockets-${stamp()}.json`, formatJson(visible), 'application/json')
          }
        >
          Export JSON
        </button>
      </div>
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
          {stateCounts.map(([s, n]) => (
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
}
