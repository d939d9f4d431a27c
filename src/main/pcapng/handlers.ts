// The pcapng room's command: a session's or a server's traffic as a Wireshark file.
import type { RoomHandlers } from '../../shared/contract'
import type { CoreParts } from '../core-parts'
import { pcapngFor } from './export'

export function pcapngHandlers(core: CoreParts): RoomHandlers<'pcapng'> {
  return {
    'session:pcapng': async (target) => pcapngFor(core.sessions, target).toString('base64')
  }
}
