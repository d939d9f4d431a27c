// The facade: the one object every shell talks to. It builds the core's parts, composes the
// rooms' command handlers (one definition each, in shared/commands.ts) and exposes the
// contract's commands and events; it never knows which shell is in front of it.
import type {
  CommandArgs,
  CommandName,
  CommandResult,
  Commands,
  EventListener,
  EventName,
  Events,
  Unsubscribe
} from '../shared/contract'
import { InspectorFailure } from '../shared/errors'
import { EventHub } from '../shared/event-hub'
import type { RecordingOffer } from '../shared/export-schema'
import type { Notice, PortHolder, ShellKind, TableDiff } from '../shared/model'
import type { Settings } from '../shared/settings-schema'
import { actionsHandlers } from './actions/handlers'
import { appHandlers } from './app-handlers'
import { Batcher } from './batcher'
import { Clients } from './clients/clients'
import { clientHandlers } from './clients/handlers'
import { tableHandlers } from './conntable/handlers'
import { holdersOf } from './conntable/port-holders'
import { platformSources } from './conntable/platform-sources'
import { ConnTable, NOT_OURS } from './conntable/table'
import type { OwnershipLookup } from './conntable/table'
import type { CoreParts } from './core-parts'
import type { EchoContext } from './echo/context'
import { echoHandlers } from './echo/handlers'
import type { ListenerRecord } from './echo/listener-record'
import { EchoServers } from './echo/servers'
import { SESSION_UPDATE_INTERVAL_MS, SessionRegistry } from './echo/sessions'
import { startSavedServers } from './echo/saved-servers'
import { SelfSignedStore } from './echo/tls-cert'
import { TrafficLog } from './echo/traffic-log'
import { settingsHandlers } from './settings/handlers'
import { pcapngHandlers } from './pcapng/handlers'
import { Recordings } from './recording/handlers'
import { SettingsStore } from './settings/settings-store'
import { alertHandlers } from './alerts/handlers'
import { Alerts } from './alerts/alerts'
import { ClosedHistory } from './conntable/closed-history'
import { historyHandlers } from './conntable/history-handlers'
import { Names } from './names/names'
import { namesHandlers } from './names/handlers'
import { processHandlers } from './processes/handlers'
import { ProcessesPart } from './processes/processes-part'

/** Polls an EADDRINUSE may take to name who holds the port. */
const HOLDER_POLLS = 3

export interface InspectorOptions {
  readonly shell: ShellKind
  /** Traffic log bounds; defaults in traffic-log.ts. */
  readonly traffic?: { readonly perSessionBytes?: number; readonly totalBytes?: number }
  /** Where settings.json lives; null or absent keeps settings in memory only. */
  readonly configDir?: string | null
  /** A recording to offer the UI at start (`serve --open FILE`). */
  readonly openRecording?: string
}

export class Inspector {
  private readonly hub = new EventHub<Events>()
  private readonly handlers: Commands
  private readonly listenerUpdates: Batcher<ListenerRecord>
  private readonly parts: CoreParts
  private readonly startupNotices: Notice[] = []
  private readonly recordings: Recordings
  private closed = false

  constructor(options: InspectorOptions) {
    const traffic = new TrafficLog(options.traffic?.perSessionBytes, options.traffic?.totalBytes)
    this.listenerUpdates = new Batcher(SESSION_UPDATE_INTERVAL_MS, (items) =>
      this.hub.emit(
        'listener:update',
        items.map((l) => l.snapshot())
      )
    )
    const sessions = new SessionRegistry(
      traffic,
      (list) => this.hub.emit('session:update', list),
      undefined,
      (forgotten) => this.hub.emit('session:forgotten', forgotten)
    )
    const settings = new SettingsStore(options.configDir ?? null, (s) =>
      this.hub.emit('settings:changed', s)
    )
    const names = new Names()
    const processes = new ProcessesPart()
    let indexedSource: string | null = null
    const history = new ClosedHistory()
    const alerts = new Alerts(
      (alert) => this.hub.emit('alert:fired', alert),
      () => names.current()
    )
    const table = new ConnTable({
      ...platformSources(),
      emit: (diff) => {
        this.joinKernelViews(diff)
        alerts.apply(diff)
        // Another source names sockets afresh: its first diff adds them all.
        const source = table.status().source
        if (source !== indexedSource) processes.index.reset()
        indexedSource = source
        processes.index.apply(diff)
        this.hub.emit('table:diff', diff)
      },
      ownership: () => this.ownershipLookup(),
      history
    })
    // The table polls only while someone listens to its diffs.
    this.hub.setActivity('table:diff', { start: () => table.start(), stop: () => table.stop() })
    const ctx: EchoContext = {
      sessions,
      listenerChanged: (record) => this.listenerUpdates.mark(record),
      notify: (notice) => this.notify(notice),
      // A poll started now: the holder may have bound the port since the last one; a socket
      // new to a known process is placed by the owner scan one poll later, so ask once more.
      portHolders: async (protocol, port) => {
        let holders: PortHolder[] = []
        for (let i = 0; i < HOLDER_POLLS; i++) {
          await table.poll()
          holders = holdersOf((await table.snapshot()).rows, port, protocol)
          if (holders.length > 0 && holders.every((h) => h.owners.length > 0)) break
        }
        return holders
      }
    }
    const startupNotices = this.startupNotices
    if (settings.startupNotice) startupNotices.push({ ...settings.startupNotice, at: Date.now() })
    this.parts = {
      shell: options.shell,
      startedAt: Date.now(),
      traffic,
      sessions,
      // The app's own TLS certificate is kept beside the settings file.
      servers: new EchoServers(ctx, new SelfSignedStore(options.configDir ?? null)),
      clients: new Clients(sessions),
      table,
      settings,
      processes,
      names,
      history,
      alerts,
      startupNotices,
      emit: (event, payload) => this.hub.emit(event, payload),
      notify: (notice) => this.notify(notice)
    }
    this.recordings = new Recordings(this, {
      configDir: options.configDir ?? null,
      startupFile: options.openRecording
    })
    this.handlers = {
      ...appHandlers(this.parts),
      ...echoHandlers(this.parts),
      ...clientHandlers(this.parts),
      ...tableHandlers(this.parts),
      ...settingsHandlers(this.parts),
      ...actionsHandlers(this.parts),
      ...pcapngHandlers(this.parts),
      ...this.recordings.handlers(),
      ...processHandlers(this.parts),
      ...namesHandlers(this.parts),
      ...historyHandlers(this.parts),
      ...alertHandlers(this.parts)
    }
    this.followAlertRules()
    if (options.shell === 'electron' || options.shell === 'headless') {
      this.applySavedTable()
      void startSavedServers(this.parts.servers, settings.get().echo.savedServers, (notice) => {
        this.startupNotices.push({ ...notice, at: Date.now() })
        this.notify(notice)
      })
    }
  }

  /** Runs a command whose arguments the caller has already validated (see dispatch.ts). */
  call<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResult<K>> {
    if (this.closed) {
      return Promise.reject(new InspectorFailure('ESHUTDOWN', 'Socket Inspector is shutting down.'))
    }
    const handler = this.handlers[name] as (...a: CommandArgs<K>) => Promise<CommandResult<K>>
    return handler(...args)
  }

  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe {
    return this.hub.on(event, listener)
  }

  listenerCount(event: EventName): number {
    return this.hub.count(event)
  }

  /**
   * The desktop shell's File → Open (or a file given to the app): every page is told, and
   * the one that takes it replays it. The path is the user's pick, never a page's.
   */
  offerRecording(path: string): RecordingOffer {
    const offer = this.recordings.offer(path)
    this.hub.emit('recording:offered', offer)
    return offer
  }

  notify(notice: Omit<Notice, 'at'>): void {
    this.hub.emit('app:notice', { ...notice, at: Date.now() })
  }

  /**
   * Tests only: the core's parts, for what the contract does not expose (a lint rule keeps
   * src/ from using it; shells go through call() and on()).
   */
  get internals(): CoreParts {
    return this.parts
  }

  /** Closes every socket and timer the core owns; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    const { table, clients, servers, sessions, settings } = this.parts
    await this.recordings.close()
    table.stop()
    clients.closeAll()
    await servers.closeAll()
    sessions.dispose()
    this.listenerUpdates.flush()
    this.listenerUpdates.dispose()
    await settings.flush()
    this.hub.clear()
  }

  /** The alert rules live in settings: run the saved ones, and each change as it is made. */
  private followAlertRules(): void {
    const { alerts, settings } = this.parts
    const apply = (rules: Settings['alerts']['rules']): void => {
      try {
        alerts.setRules(rules)
      } catch (err) {
        this.notify({
          level: 'warning',
          code: 'EBADRULE',
          message: err instanceof Error ? err.message : String(err),
          hint: 'Fix or remove the rule in the Alerts view.'
        })
      }
    }
    apply(settings.get().alerts.rules)
    this.hub.on('settings:changed', (s) => apply(s.alerts.rules))
  }

  /** The desktop app and serve start with the table source and rate the user chose last. */
  private applySavedTable(): void {
    const { source, rateHz } = this.parts.settings.get().table
    if (source === undefined && rateHz === undefined) return
    // A source is read once before it replaces the default (async); until then the default
    // serves, and a saved source this machine no longer has is said, not thrown.
    this.parts.table.configure({ source, rateHz }).catch((err: unknown) => {
      const notice = {
        level: 'warning' as const,
        code: 'ESOURCE',
        message: `The saved table source could not be used: ${err instanceof Error ? err.message : String(err)}`,
        hint: 'Pick another source in the Connections toolbar.'
      }
      this.startupNotices.push({ ...notice, at: Date.now() })
      this.notify(notice)
    })
  }

  /** Each poll gives the app's sessions their kernel row: state, queues, TCP_INFO bytes. */
  private joinKernelViews(diff: TableDiff): void {
    const { table, sessions } = this.parts
    const via = table.status().source
    for (const row of [...diff.added, ...diff.changed]) {
      const session = row.sessionId === null ? undefined : sessions.get(row.sessionId)
      if (!session) continue
      sessions.setKernel(session, {
        state: row.closingSince === null ? row.state : 'CLOSED',
        sendQueue: row.sendQueue,
        recvQueue: row.recvQueue,
        inode: row.inode,
        tcpInfo: row.tcpInfo,
        at: diff.at,
        via
      })
    }
  }

  /**
   * A kernel row is ours when this process holds it on a server's or an open session's fd.
   * The fd maps are built once a poll, not once a row.
   */
  private ownershipLookup(): OwnershipLookup {
    const listeners = new Map<number, string>()
    for (const l of this.parts.servers.list())
      if (l.fd !== null && l.state !== 'stopped') listeners.set(l.fd, l.id)
    const sessions = this.parts.sessions.openByFd()
    return (row) => {
      const fd = row.owners.find((o) => o.pid === process.pid)?.fd
      if (fd === undefined || fd === null) return NOT_OURS
      const listenerId = listeners.get(fd)
      if (listenerId !== undefined) return { sessionId: null, listenerId }
      return { sessionId: sessions.get(fd) ?? null, listenerId: null }
    }
  }
}
