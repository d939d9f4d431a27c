import type { RoomHandlers } from '../../shared/contract'
import type { CoreParts } from '../core-parts'
import { indexedTree, processTree } from './process-tree'

export function processHandlers(core: CoreParts): RoomHandlers<'processes'> {
  const { table, processes, names } = core
  return {
    'process:tree': async (filter, expand) => {
      // The table polls only while someone listens; without one, poll now (not stale).
      if (!table.status().polling) await table.poll()
      if (!filter?.trim()) {
        return indexedTree(processes.index, processes.directory, processes.indexRates, expand)
      }
      return processTree((await table.snapshot()).rows, filter, processes.directory, {
        services: names.current(),
        rates: processes.rates,
        expand: expand ?? []
      })
    }
  }
}
