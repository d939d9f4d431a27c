import type { RoomHandlers } from '../../shared/contract'
import type { CoreParts } from '../core-parts'

export function historyHandlers(core: CoreParts): RoomHandlers<'history'> {
  const { history } = core
  return {
    'history:configure': async (options) => history.setEnabled(options.enabled),
    'history:status': async () => history.status()
  }
}
