import type { RoomHandlers } from '../../shared/contract'
import type { CoreParts } from '../core-parts'
import { processTree } from './process-tree'

export function processHandlers(core: CoreParts): RoomHandlers<'processes'> {
  const { table, processes, names } = core
  return {
    'process:tree': async (filter) =>
      processTree((await table.snapshot()).rows, filter ?? '', processes.directory, {
        services: names.current(),
        rates: processes.rates
      })
  }
}
