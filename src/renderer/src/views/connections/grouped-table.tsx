// The Connections table grouped by process: the Processes view's tree, with the table's
// filter. A socket opens its details in the flat table.
import { useState } from 'react'
import type { ReactElement } from 'react'
import type { InspectorApi } from '../../../../shared/contract'
import type { TableStore } from '../../store/table-store'
import { ProcessTree } from '../processes/process-tree'
import { useProcessTree } from '../processes/use-process-tree'

export interface GroupedTableProps {
  readonly api: InspectorApi
  readonly table: TableStore
  readonly filter: string
  readonly onOpenSocket: (rowId: string) => void
}

export function GroupedTable(props: GroupedTableProps): ReactElement {
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set())
  const tree = useProcessTree(props.api, props.filter, expanded)
  return (
    <div className="grouped-table">
      <ProcessTree
        tree={tree}
        table={props.table}
        sort="sockets"
        expanded={expanded}
        onExpanded={setExpanded}
        onOpenSocket={props.onOpenSocket}
      />
    </div>
  )
}
