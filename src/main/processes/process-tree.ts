// The `process:tree` answer: the live table (closed rows left out, as ss would) filtered
// with the table's filter language, grouped by process, each with who it is and its
// current rates.
import type { TableRow } from '../../shared/model'
import { groupByProcess, NO_PROCESS_PID } from '../../shared/process-groups'
import type { ProcessNode, ProcessRates } from '../../shared/process-groups'
import { matches, parseFilter } from '../../shared/row-filter'
import type { ServiceNames } from '../../shared/service-names'
import type { ProcessDirectory } from './process-info'

export async function processTree(
  rows: readonly TableRow[],
  filter: string,
  directory: ProcessDirectory,
  options: {
    readonly services?: ServiceNames
    readonly rates?: ProcessRates
    readonly at?: number
  } = {}
): Promise<ProcessNode[]> {
  const terms = parseFilter(filter, options.services)
  const live = rows.filter((r) => r.closingSince === null && matches(r, terms))
  options.rates?.sample(live, options.at ?? Date.now())
  return Promise.all(
    groupByProcess(live).map(async (g): Promise<ProcessNode> => {
      const who = g.pid === NO_PROCESS_PID ? null : await directory.details(g.pid)
      const rate = options.rates?.of(g.pid) ?? null
      return {
        pid: g.pid,
        name: who?.name ?? g.name,
        user: who?.user ?? null,
        command: who?.command ?? null,
        exe: who?.exe ?? null,
        parents: who?.parents ?? [],
        rowIds: g.rows.map((r) => r.id),
        byState: g.byState,
        byProtocol: g.byProtocol,
        listening: g.listening,
        bytesIn: g.bytesIn,
        bytesOut: g.bytesOut,
        inRate: rate?.inRate ?? null,
        outRate: rate?.outRate ?? null
      }
    })
  )
}
