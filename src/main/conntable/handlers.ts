import type { RoomHandlers } from '../../shared/contract'
import type { CoreParts } from '../core-parts'
import { holdersOf } from './port-holders'

export function tableHandlers(core: CoreParts): RoomHandlers<'table'> {
  const { table } = core
  return {
    'table:snapshot': () => table.snapshot(),
    'table:status': async () => table.status(),
    'table:configure': async (options) => table.configure(options),
    'table:holders': async (port, protocol) =>
      holdersOf((await table.snapshot()).rows, port, protocol)
  }
}
