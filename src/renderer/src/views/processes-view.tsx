// Processes: every process holding sockets, as a tree (process → its sockets), with its
// counts by state and protocol, listening ports, TCP_INFO bytes and rates. The same
// filter language as the Connections table; a socket opens its details there.
import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
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
  /** A recording is the source: say what a recording does not keep. */
  readonly replaying?: boolean
}

export function ProcessesView(props: ProcessesViewProps): ReactElement {
  const { api, table, initialFilter, onOpenSocket, replaying } = props
  const { t } = useTranslation('processes')
  const [filter, setFilter] = useState(initialFilter ?? '')
  const deferred = useDeferredValue(filter)
  const [sort, setSort] = useState<ProcessSort>('sockets')
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => {
    const pid = /^pid:(\d+)$/.exec(initialFilter ?? '')?.[1]
    return new Set(pid ? [Number(pid)] : [])
  })
  const tree = useProcessTree(api, deferred, expanded)

  return (
    <section className="processes" aria-label={t('view.aria')}>
      <div className="toolbar" role="toolbar" aria-label={t('view.controls')}>
        <div className="toolbar-row">
          <input
            type="search"
            aria-label={t('view.filter')}
            placeholder={t('view.filterPlaceholder')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <label>
            {t('view.sortBy')}
            <select value={sort} onChange={(e) => setSort(e.target.value as ProcessSort)}>
              {PROCESS_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => setExpanded(new Set(tree.nodes.map((n) => n.pid)))}>
            {t('view.expandAll')}
          </button>
          <button type="button" onClick={() => setExpanded(new Set())}>
            {t('view.collapseAll')}
          </button>
        </div>
        {replaying ? (
          <p className="muted" role="note">
            {t('view.replayNote')}
          </p>
        ) : null}
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
