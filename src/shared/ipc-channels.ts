// Channel names of the Electron shell, shared by main and preload so they cannot drift.
import type { CommandName, EventName } from './contract'

export const commandChannel = (name: CommandName): string => `cmd:${name}`
export const eventChannel = (name: EventName): string => `evt:${name}`
export const SUBSCRIBE_CHANNEL = 'events:subscribe'
export const UNSUBSCRIBE_CHANNEL = 'events:unsubscribe'
/** Main → preload: the MessagePort to the core host comes with this message. */
export const CORE_PORT_CHANNEL = 'core:port'
/** Main → preload: the core host died; a new port follows when it is back. */
export const CORE_LOST_CHANNEL = 'core:lost'
