import type { RoomHandlers } from '../../shared/contract'
import type { CoreParts } from '../core-parts'

export function settingsHandlers(core: CoreParts): RoomHandlers<'settings'> {
  return {
    'settings:get': async () => core.settings.get(),
    'settings:set': (patch) => core.settings.set(patch)
  }
}
