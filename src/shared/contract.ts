// The one contract: every command and its signature, every event and its payload.
// Both shells (Electron IPC and the headless WebSocket) are generated from these maps,
// so a command added here is reachable everywhere once the core implements it.
import type { AppInfo, InspectorError, Notice } from './model'

export interface Commands {
  'app:info': () => Promise<AppInfo>
}

export interface Events {
  'app:notice': Notice
}

export type CommandName = keyof Commands
export type EventName = keyof Events
export type CommandArgs<K extends CommandName> = Parameters<Commands[K]>
export type CommandResult<K extends CommandName> = Awaited<ReturnType<Commands[K]>>
export type EventListener<E extends EventName> = (payload: Events[E]) => void
export type Unsubscribe = () => void

/** Runtime lists of the names above; the `satisfies` checks keep them complete. */
export const COMMAND_NAMES = ['app:info'] as const satisfies readonly CommandName[]
export const EVENT_NAMES = ['app:notice'] as const satisfies readonly EventName[]

type Missing<All, Listed> = Exclude<All, Listed>
// Compile-time proof that no command or event was left out of the runtime lists.
const commandsComplete: Missing<CommandName, (typeof COMMAND_NAMES)[number]> extends never
  ? true
  : false = true
const eventsComplete: Missing<EventName, (typeof EVENT_NAMES)[number]> extends never
  ? true
  : false = true
void commandsComplete
void eventsComplete

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && (COMMAND_NAMES as readonly string[]).includes(value)
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value)
}

/** What the renderer programs against, whichever shell it runs in. */
export type InspectorApi = { readonly [K in CommandName]: Commands[K] } & {
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
