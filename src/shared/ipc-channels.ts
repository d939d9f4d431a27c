// Channel names of the Electron shell, shared by main and preload so they cannot drift.
import type { CommandName, EventName } from './contract'

export const commandChannel = (name: CommandName): string => `cmd:${name}`
export const eventChannel = (name: EventName): string => `evt:${name}`
export const SUBSCRIBE_CHANNEL = 'events:subscribe'
export const UNSUBSCRIBE_CHANNEL = 'events:unsubscribe'
