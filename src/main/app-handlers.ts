import type { RoomHandlers } from '../shared/contract'
import { readAppInfo } from './app-info'
import type { CoreParts } from './core-parts'

export function appHandlers(core: CoreParts): RoomHandlers<'app'> {
  return {
    'app:info': () => readAppInfo(core.shell, core.startedAt, core.startupNotices)
  }
}
