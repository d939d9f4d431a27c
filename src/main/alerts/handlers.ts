import type { RoomHandlers } from '../../shared/contract'
import type { CoreParts } from '../core-parts'

export function alertHandlers(core: CoreParts): RoomHandlers<'alerts'> {
  const { alerts } = core
  return {
    'alerts:recent': async () => alerts.recent(),
    'alerts:clear': async () => alerts.clear()
  }
}
