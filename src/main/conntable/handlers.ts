import type { RoomHandlers } from '../../shared/contract'
import type { TableOptions } from '../../shared/model'
import type { CoreParts } from '../core-parts'
import { holdersOf } from './port-holders'

export function tableHandlers(core: CoreParts): RoomHandlers<'table'> {
  const { table } = core
  return {
    'table:snapshot': () => table.snapshot(),
    'table:status': async () => table.status(),
    'table:configure': async (options) => {
      const status = await table.configure(options)
      await remember(core, options)
      return status
    },
    'table:holders': async (port, protocol) =>
      holdersOf((await table.snapshot()).rows, port, protocol)
  }
}

/**
 * The source and rate the user picks in the window are kept for the next start (the
 * Inspector applies them then); a CLI's one-off --source is not the user's choice.
 */
async function remember(core: CoreParts, options: TableOptions): Promise<void> {
  if (core.shell !== 'electron' && core.shell !== 'headless') return
  if (options.source === undefined && options.rateHz === undefined) return
  const saved = core.settings.get().table
  await core.settings.set({
    table: {
      ...saved,
      ...(options.source !== undefined ? { source: options.source } : {}),
      ...(options.rateHz !== undefined ? { rateHz: options.rateHz } : {})
    }
  })
}
