import type { RoomHandlers } from '../../shared/contract'
import type { CoreParts } from '../core-parts'

export function clientHandlers(core: CoreParts): RoomHandlers<'clients'> {
  const { clients } = core
  return {
    'client:connect': (spec) => clients.connect(spec),
    'client:send': async (id, payload) => clients.send(id, payload),
    'client:close': async (id) => clients.close(id),
    'client:reset': async (id) => clients.reset(id),
    'client:list': async () => clients.list()
  }
}
