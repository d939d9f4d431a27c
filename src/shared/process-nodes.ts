// The `process:tree` answer built from table rows. The live core names each process from
// the OS; a replayed recording has only what its rows recorded (the process name). Both
// build their nodes here, so a replayed tree is the live one minus what was not recorded.
import type { TableRow } from './model'
import type { ProcessGroup, ProcessNode, ProcessRates } from './process-groups'
import { matches, parseFilter } from './row-filter'
import type { ServiceNames } from './service-names'

/** Who a process is, as far as it is known (the OS's answer, or nothing in a replay). */
export interface ProcessWho {
  readonly name: string | null
  readonly user: string | null
  readonly command: string | null
  readonly exe: string | null
  readonly parents: readonly { readonly pid: number; readonly name: string | null }[]
}

/** The rows the tree counts: open ones (closed left out, as ss would) that match the filter. */
export function treeRows(
  rows: readonly TableRow[],
  filter: string,
  services?: ServiceNames
): TableRow[] {
  const terms = parseFilter(filter, services)
  return rows.filter((r) => r.closingSince === null && matches(r, terms))
}

/** A node's who-fields: the OS's answer where there is one, else the table's name. */
export function whoFields(
  who: ProcessWho | null,
  tableName: string
): Pick<ProcessNode, 'name' | 'user' | 'command' | 'exe' | 'parents'> {
  return {
    name: who?.name ?? tableName,
    user: who?.user ?? null,
    command: who?.command ?? null,
    exe: who?.exe ?? null,
    parents: who?.parents ?? []
  }
}

/**
 * One process's node: its figures from the group, who it is from `who`, its rates from
 * `rates` (sampled by the caller), and its sockets' ids only when it is expanded.
 */
export function processNode(
  g: ProcessGroup,
  who: ProcessWho | null,
  rates: ProcessRates | undefined,
  expanded: boolean
): ProcessNode {
  const rate = rates?.of(g.pid) ?? null
  return {
    pid: g.pid,
    ...whoFields(who, g.name),
    sockets: g.rows.length,
    rowIds: expanded ? g.rows.map((r) => r.id) : [],
    byState: g.byState,
    byProtocol: g.byProtocol,
    listening: g.listening,
    bytesIn: g.bytesIn,
    bytesOut: g.bytesOut,
    inRate: rate?.inRate ?? null,
    outRate: rate?.outRate ?? null
  }
}
