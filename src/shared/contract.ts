// The contract, derived: every command's signature and every event's payload come from the
// definitions in commands.ts and events.ts. Both shells and the renderer's bridges are
// generated from these maps, so a command defined there is reachable everywhere once its
// room implements it.
import type { z } from 'zod'
import { COMMANDS } from './commands'
import type { CommandDef, RoomName } from './commands'
import { EVENTS } from './events'
import type { EventDef } from './events'
import type { InspectorError } from './model'

type Defs = typeof COMMANDS
export type CommandName = keyof Defs
export type EventName = keyof typeof EVENTS

export type CommandArgs<K extends CommandName> = z.output<Defs[K]['args']>
export type CommandResult<K extends CommandName> =
  Defs[K] extends CommandDef<RoomName, z.ZodTuple, infer R> ? R : never
export type Commands = {
  readonly [K in CommandName]: (...args: CommandArgs<K>) => Promise<CommandResult<K>>
}
export type Events = {
  readonly [E in EventName]: (typeof EVENTS)[E] extends EventDef<infer P> ? P : never
}

/** The commands one room implements. */
export type RoomCommand<R extends RoomName> = {
  [K in CommandName]: Defs[K]['room'] extends R ? K : never
}[CommandName]
/** What a room's handlers file returns: one handler for each of its commands. */
export type RoomHandlers<R extends RoomName> = { readonly [K in RoomCommand<R>]: Commands[K] }

export type EventListener<E extends EventName> = (payload: Events[E]) => void
export type Unsubscribe = () => void

export const COMMAND_NAMES = Object.keys(COMMANDS) as readonly CommandName[]
export const EVENT_NAMES = Object.keys(EVENTS) as readonly EventName[]

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && Object.hasOwn(COMMANDS, value)
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(EVENTS, value)
}

/** A command's argument schema, for validation where a call lands. */
export function commandArgsSchema(name: CommandName): z.ZodTuple {
  return COMMANDS[name].args
}

/** What the renderer programs against, whichever shell it runs in. */
export type InspectorApi = Commands & {
  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe
}

/**
 * A command's outcome as it travels. Errors travel as data because Electron's
 * contextBridge copies only an Error's message, dropping code and hint.
 */
export type WireResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: InspectorError }

/** What a shell's transport exposes: the same commands, answering with WireResults. */
export type InspectorBridge = {
  readonly [K in CommandName]: (...args: CommandArgs<K>) => Promise<WireResult<CommandResult<K>>>
} & {
  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe
}
