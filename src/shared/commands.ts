// Every command, defined once: its room (where the core implements it: `roomHandlers` in
// src/main/<room>/handlers.ts, see ROOM_FILES), its argument schema (zod, checked where the
// call lands) and its result type. contract.ts derives the `Commands` type, the runtime name
// list and the validation from this table, so adding a command touches this file and its
// room's handlers file, nothing else.
import { z } from 'zod'
import type {
  AppInfo,
  ForgetResult,
  KernelView,
  Listener,
  PortHolder,
  SendReceipt,
  Session,
  SessionCalls,
  TableSnapshot,
  TableStatus,
  TrafficPage
} from './model'
import {
  clientSpec,
  exportFormat,
  forgetSessions,
  id,
  listenerSpec,
  remotePort,
  sendSpec,
  sessionCloseOptions,
  stopOptions,
  tableOptions,
  tableProtocol,
  trafficRange
} from './schema'
import { settingsPatch } from './settings-schema'
import type {
  HistoryStatus,
  HostNames,
  RecentAlerts,
  ReverseDnsStatus,
  ServicesAnswer
} from './insight-model'
import type { ProcessNode } from './process-groups'
import {
  expandPids,
  historyOptions,
  hostAddresses,
  namesOptions,
  processFilter
} from './insight-schema'
import type { CloseResult, PortReport, StopResult } from './actions-model'
import { closeRequest, freePortQuery, portQuery, stopRequest } from './actions-schema'
import { offerId, pcapngTarget, recordingName } from './export-schema'
import type { RecordingData, RecordingFile, RecordingInfo } from './export-schema'
import type { Settings } from './settings-schema'

/** The rooms of the core that implement commands; each has a handlers file. */
export const ROOM_FILES = {
  app: 'src/main/app-handlers.ts',
  echo: 'src/main/echo/handlers.ts',
  clients: 'src/main/clients/handlers.ts',
  table: 'src/main/conntable/handlers.ts',
  settings: 'src/main/settings/handlers.ts',
  actions: 'src/main/actions/handlers.ts',
  pcapng: 'src/main/pcapng/handlers.ts',
  recording: 'src/main/recording/handlers.ts',
  processes: 'src/main/processes/handlers.ts',
  names: 'src/main/names/handlers.ts',
  history: 'src/main/conntable/history-handlers.ts',
  alerts: 'src/main/alerts/handlers.ts'
} as const
export type RoomName = keyof typeof ROOM_FILES

declare const resultType: unique symbol
/** A command's definition. The result type is carried by the type system only. */
export interface CommandDef<Room extends RoomName, Args extends z.ZodTuple, Result> {
  readonly room: Room
  readonly args: Args
  readonly [resultType]?: Result
}

/** Defines a command: `def<Result>()(room, z.tuple([...arguments]))`. */
function def<Result>() {
  return <Room extends RoomName, Args extends z.ZodTuple>(
    room: Room,
    args: Args
  ): CommandDef<Room, Args, Result> => ({ room, args })
}

const none = z.tuple([])

export const COMMANDS = {
  'app:info': def<AppInfo>()('app', none),

  'echo:start': def<Listener>()('echo', z.tuple([listenerSpec])),
  'echo:stop': def<Listener>()('echo', z.tuple([id, stopOptions.optional()])),
  'echo:list': def<Listener[]>()('echo', none),
  'session:list': def<Session[]>()('echo', none),
  'session:traffic': def<TrafficPage>()('echo', z.tuple([id, trafficRange.optional()])),
  'session:export': def<string>()('echo', z.tuple([id, exportFormat])),
  /** The kernel's view of a session's socket now (TCP_INFO by getsockopt on its fd). */
  'session:kernel': def<KernelView | null>()('echo', z.tuple([id])),
  /** Starts a stopped server again, same id and port. */
  'echo:restart': def<Listener>()('echo', z.tuple([id])),
  /** Stops a server if running and drops it from the list (its last update says 'removed'). */
  'echo:remove': def<Listener>()('echo', z.tuple([id])),
  /** Ends any live session: a client, or the server's side of an accepted one (kick). */
  'session:close': def<Session>()('echo', z.tuple([id, sessionCloseOptions.optional()])),
  /** Lets go of closed sessions (these ids, or all); a live one is refused. */
  'session:forget': def<ForgetResult>()('echo', z.tuple([forgetSessions])),
  /** What the session's program did, call by call, beside the app's socket at the other end. */
  'session:calls': def<SessionCalls>()('echo', z.tuple([id])),

  'client:connect': def<Session>()('clients', z.tuple([clientSpec])),
  'client:send': def<SendReceipt>()('clients', z.tuple([id, sendSpec])),
  /** Graceful: TCP sends FIN after what is queued. */
  'client:close': def<Session>()('clients', z.tuple([id])),
  /** Abortive: TCP sends RST and drops what is queued. */
  'client:reset': def<Session>()('clients', z.tuple([id])),
  'client:list': def<Session[]>()('clients', none),
  /** Stops a client's running repeat; what was sent stays sent. */
  'client:stop': def<Session>()('clients', z.tuple([id])),

  /** The whole table now; a subscriber starts here, then applies table:diff by seq. */
  'table:snapshot': def<TableSnapshot>()('table', none),
  'table:status': def<TableStatus>()('table', none),
  'table:configure': def<TableStatus>()('table', z.tuple([tableOptions])),
  /** Who holds this port, and how each holder is bound. */
  'table:holders': def<PortHolder[]>()('table', z.tuple([remotePort, tableProtocol.optional()])),

  'settings:get': def<Settings>()('settings', none),
  /** Replaces the top-level keys the patch names; answers with the whole settings. */
  'settings:set': def<Settings>()('settings', z.tuple([settingsPatch])),

  /** The live table grouped by process (filtered with the table's filter language). */
  'process:tree': def<ProcessNode[]>()(
    'processes',
    z.tuple([processFilter.optional(), expandPids.optional()])
  ),

  /** Service names: the OS's services file, then the built-in list. */
  'names:services': def<ServicesAnswer>()('names', none),
  /** Host names known now (null: unknown or none); unknown ones are looked up meanwhile. */
  'names:hosts': def<HostNames>()('names', z.tuple([hostAddresses])),
  'names:configure': def<ReverseDnsStatus>()('names', z.tuple([namesOptions])),
  'names:status': def<ReverseDnsStatus>()('names', none),

  /** Keep closed sockets (with life cycle, owners, bytes) for the run, bounded. */
  'history:configure': def<HistoryStatus>()('history', z.tuple([historyOptions])),
  'history:status': def<HistoryStatus>()('history', none),

  /** Recent alerts (rules live in settings key `alerts`). */
  'alerts:recent': def<RecentAlerts>()('alerts', none),
  'alerts:clear': def<RecentAlerts>()('alerts', none),

  /** Close one connection: the app's own gracefully or by reset; another's by SOCK_DESTROY. */
  'socket:close': def<CloseResult>()('actions', z.tuple([closeRequest])),
  /** SIGTERM (or SIGKILL with force); refuses this app, pid 1, another user's unless asked. */
  'process:stop': def<StopResult>()('actions', z.tuple([stopRequest])),
  /** Who holds a port, and whether 127.0.0.1, 0.0.0.0 and :: can be bound on it now. */
  'port:who': def<PortReport>()('actions', z.tuple([portQuery])),
  /** The nearest port that can be bound now, or null within FREE_PORT_SPAN. */
  'port:free': def<number | null>()('actions', z.tuple([freePortQuery])),

  /** A session's (or a server's sessions') logged bytes as a pcapng file, base64. */
  'session:pcapng': def<string>()('pcapng', z.tuple([pcapngTarget])),

  /** Starts writing a recording into the recordings folder. */
  'record:start': def<RecordingInfo>()('recording', none),
  'record:stop': def<RecordingInfo>()('recording', none),
  'record:status': def<RecordingInfo | null>()('recording', none),
  'recording:list': def<RecordingFile[]>()('recording', none),
  'recording:open': def<RecordingData>()('recording', z.tuple([recordingName])),
  /** The recording `serve --open FILE` was started with, if any. */
  'recording:startup': def<RecordingData | null>()('recording', none),
  /** The file a recording:offered event named (the desktop app's File → Open). */
  'recording:take': def<RecordingData>()('recording', z.tuple([offerId]))
} as const
