// The `process:tree` answer: the live table filtered with the table's filter language,
// grouped by process, each with who it is (from the OS) and its current rates.
import type { TableRow } from '../../shared/model'
import { groupByProcess, NO_PROCESS_PID } from '../../shared/process-groups'
import type { ProcessNode, ProcessRates } from '../../shared/process-groups'
import { processNode, treeRows, whoFields } from '../../shared/process-nodes'
import type { ServiceNames } from '../../shared/service-names'
import type { ProcessDirectory } from './process-info'
import type { ProcessIndex } from './process-index'

export async function processTree(
  rows: readonly TableRow[],
  filter: string,
  directory: ProcessDirectory,
  options: {
    readonly services?: ServiceNames
    readonly rates?: ProcessRates
    readonly at?: number
    /** Processes whose sockets' ids come with them; all when not given. */
    readonly expand?: readonly number[]
  } = {}
): Promise<ProcessNode[]> {
  const live = treeRows(rows, filter, options.services)
  options.rates?.sample(live, options.at ?? Date.now())
  const open = options.expand && new Set(options.expand)
  return Promise.all(
    groupByProcess(live).map(async (g) =>
      processNode(
        g,
        g.pid === NO_PROCESS_PID ? null : await directory.details(g.pid),
        options.rates,
        open?.has(g.pid) ?? true
      )
    )
  )
}

const toRecord = <K extends string | number>(m: Map<K, number>): Record<string, number> =>
  Object.fromEntries(m)

/**
 * The whole table's tree from the index (no filter): each process's figures as kept, rates
 * from the bytes moved since the last answer, and row ids only for the processes asked
 * to be expanded.
 */
export async function indexedTree(
  index: ProcessIndex,
  directory: ProcessDirectory,
  rates: { lastAt: number | null },
  expand: readonly number[] = [],
  at = Date.now()
): Promise<ProcessNode[]> {
  const dt = rates.lastAt === null ? 0 : (at - rates.lastAt) / 1000
  rates.lastAt = at
  const open = new Set(expand)
  return Promise.all(
    [...index.groups.values()].map(async (g): Promise<ProcessNode> => {
      const who = g.pid === NO_PROCESS_PID ? null : await directory.details(g.pid)
      const node: ProcessNode = {
        pid: g.pid,
        ...whoFields(who, g.name),
        sockets: g.ids.size,
        rowIds: open.has(g.pid) ? [...g.ids] : [],
        byState: toRecord(g.byState),
        byProtocol: toRecord(g.byProtocol),
        listening: [...g.listening.keys()].sort((a, b) =>
          typeof a === 'number' && typeof b === 'number'
            ? a - b
            : String(a).localeCompare(String(b))
        ),
        bytesIn: g.withBytes > 0 ? g.bytesIn : null,
        bytesOut: g.withBytes > 0 ? g.bytesOut : null,
        inRate: dt > 0 && g.withBytes > 0 ? g.movedIn / dt : null,
        outRate: dt > 0 && g.withBytes > 0 ? g.movedOut / dt : null
      }
      g.movedIn = 0
      g.movedOut = 0
      return node
    })
  )
}
