// The one contract: every command and its signature, every event and its payload.
// Both shells (Electron IPC and the headless WebSocket) are generated from these maps,
// so a command added here is reachable everywhere once the core implements it.
import type {
  AppInfo,
  ClientSpec,
  ExportFormat,
  InspectorError,
  KernelView,
  Listener,
  ListenerId,
  ListenerSpec,
  Notice,
  PortHolder,
  SendReceipt,
  SendSpec,
  Session,
  SessionId,
  StopOptions,
  TableDiff,
  TableOptions,
  TableSnapshot,
  TableStatus,
  TrafficPage,
  TrafficRange
} from './model'

export interface Commands {
  'app:info': () => Promise<AppInfo>
  'echo:start': (spec: ListenerSpec) => Promise<Listener>
  'echo:stop': (id: ListenerId, options?: StopOptions) => Promise<Listener>
  'echo:list': () => Promise<Listener[]>
  'client:connect': (spec: ClientSpec) => Promise<Session>
  'client:send': (id: SessionId, payload: SendSpec) => Promise<SendReceipt>
  /** Graceful: TCP sends FIN after what is queued. */
  'client:close': (id: SessionId) => Promise<Session>
  /** Abortive: TCP sends RST and drops what is queued. */
  'client:reset': (id: SessionId) => Promise<Session>
  'client:list': () => Promise<Session[]>
  'session:list': () => Promise<Session[]>
  'session:traffic': (id: SessionId, range?: TrafficRange) => Promise<TrafficPage>
  'session:export': (id: SessionId, format: ExportFormat) => Promise<string>
  /** The kernel's view of a session's socket now (TCP_INFO by getsockopt on its fd). */
  'session:kernel': (id: SessionId) => Promise<KernelView | null>
  /** The whole table now; a subscriber starts here, then applies table:diff by seq. */
  'table:snapshot': () => Promise<TableSnapshot>
  'table:status': () => Promise<TableStatus>
  'table:configure': (options: TableOptions) => Promise<TableStatus>
  /** Who holds this port, and how each holder is bound. */
  'table:holders': (port: number, protocol?: 'tcp' | 'udp') => Promise<PortHolder[]>
}

export interface Events {
  'app:notice': Notice
  /** Sessions that changed, batched (see SESSION_UPDATE_INTERVAL_MS). */
  'session:update': Session[]
  /** Servers that changed, batched with the sessions. */
  'listener:update': Listener[]
  /** One per poll while someone listens; a gap in seq means: fetch a new snapshot. */
  'table:diff': TableDiff
}

export type CommandName = keyof Commands
export type EventName = keyof Events
export type CommandArgs<K extends CommandName> = Parameters<Commands[K]>
export type CommandResult<K extends CommandName> = Awaited<ReturnType<Commands[K]>>
export type EventListener<E extends EventName> = (payload: Events[E]) => void
export type Unsubscribe = () => void

/** Runtime lists of the names above; the `satisfies` checks keep them complete. */
export const COMMAND_NAMES = [
  'app:info',
  'echo:start',
  'echo:stop',
  'echo:list',
  'client:connect',
  'client:send',
  'client:close',
  'client:reset',
  'client:list',
  'session:list',
  'session:traffic',
  'session:export',
  'session:kernel',
  'table:snapshot',
  'table:status',
  'table:configure',
  'table:holders'
] as const satisfies readonly CommandName[]
export const EVENT_NAMES = [
  'app:notice',
  'session:update',
  'listener:update',
  'table:diff'
] as const satisfies readonly EventName[]

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
