// Processes: every process holding sockets, as a tree (process → its sockets), with its
// counts by state and protocol, listening ports, TCP_INFO bytes and rates. The same
// filter language as the Connections table; a socket opens its details there.
import { useDeferredValue, useState } from 'react'
import type { ReactElement } from 'react'
import type { InspectorApi } from '../../../shared/contract'
import type { TableStore } from '../store/table-store'
import { ProcessTree } from './processes/process-tree'
import { PROCESS_SORTS } from './processes/sort'
import { useProcessTree } from './processes/use-process-tree'
import type { ProcessSort } from './processes/sort'

export interface ProcessesViewProps {
  readonly api: InspectorApi
  readonly table: TableStore
  /** A filter to start with (the Overview's "most sockets" links pass pid:N). */
  readonly initialFilter?: string
  readonly onOpenSocket: (rowId: string) => void
}

export function ProcessesView(props: ProcessesViewProps): ReactElement {
  const { api, table, initialFilter, onOpenSocket } = props
  const [filter, setFilter] = useState(initialFilter ?? '')
  const deferred = useDeferredValue(filter)
  const [sort, setSort] = useState<ProcessSort>('sockets')
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => {
    const pid = /^pid:(\d+)$/.exec(initialFilter ?? '')?.[1]
    return new Set(pid ? [Number(pid)] : [])
  })
  const tree = useProcessTree(api, deferred, expanded)

  return (
    <section className="processes" aria-label="Processes">
      <div className="toolbar" role="toolbar" aria-label="Process controls">
        <div className="toolbar-row">
          <input
            type="search"
            aria-label="Filter processes"
            placeholder="port:ssh pid:123 state:listen proc:node proto:udp — or any text"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <label>
            Sort by
            <select value={sort} onChange={(e) => setSort(e.target.value as ProcessSort)}>
              {PROCESS_SORTS.map((s) => (
                <option key={s.key} value={s.key}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setExpanded(new Set(tree.nodes.map((n) => n.pid)))}>
            Expand all
          </button>
          <button type="button" onClick={() => setExpanded(new Set())}>
            Collapse all
          </button>
        </div>
      </div>
      <ProcessTree
        tree={tree}
        table={table}
        sort={sort}
        expanded={expanded}
        onExpanded={setExpanded}
        onOpenSocket={onOpenSocket}
      />
    </section>
  )
}
