import type { RoomHandlers } from '../../shared/contract'
import type { CoreParts } from '../core-parts'
import { Actions } from './actions'

export function actionsHandlers(core: CoreParts): RoomHandlers<'actions'> {
  const actions = new Actions(core)
  return {
    'socket:close': (req) => actions.close(req),
    'process:stop': (req) => actions.stop(req),
    'port:who': (query) => actions.who(query),
    'port:free': (query) => actions.freePort(query)
  }
}
