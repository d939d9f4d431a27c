import type { RoomHandlers } from '../../shared/contract'
import type { CoreParts } from '../core-parts'

export function namesHandlers(core: CoreParts): RoomHandlers<'names'> {
  const { names } = core
  return {
    'names:services': () => names.services(),
    'names:hosts': async (addresses) => names.dns.names(addresses),
    'names:configure': async (options) => names.dns.setEnabled(options.reverseDns),
    'names:status': async () => names.dns.status()
  }
}
