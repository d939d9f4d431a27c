// The facade: the one object every shell talks to. It owns the core's pieces and exposes
// the contract's commands and events; it never knows which shell is in front of it.
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
import { formatEndpoint } from '../shared/endpoint'
import { InspectorFailure } from '../shared/errors'
import type {
  ExportFormat,
  KernelView,
  Notice,
  SessionId,
  ShellKind,
  TableDiff,
  TrafficPage,
  TrafficRange
} from '../shared/model'
import { formatTrafficHex, formatTrafficText } from '../shared/traffic-format'
import { readAppInfo } from './app-info'
import { Batcher } from './batcher'
import { Clients } from './clients/clients'
import { holdersOf } from './conntable/port-holders'
import { platformSources } from './conntable/platform-sources'
import { ConnTable, NOT_OURS } from './conntable/table'
import type { OwnershipLookup } from './conntable/table'
import { readTcpInfo } from './conntable/tcp-info'
import type { EchoContext } from './echo/context'
import type { ListenerRecord } from './echo/listener-record'
import { EchoServers } from './echo/servers'
import { SESSION_UPDATE_INTERVAL_MS, SessionRegistry } from './echo/sessions'
import type { SessionRecord } from './echo/sessions'
import { TrafficLog } from './echo/traffic-log'
import { EventHub } from '../shared/event-hub'

export interface InspectorOptions {
  readonly shell: ShellKind
  /** Traffic log bounds; defaults in traffic-log.ts. */
  readonly traffic?: { readonly perSessionBytes?: number; readonly totalBytes?: number }
}

const TRAFFIC_PAGE_DEFAULT = 1_000

type Handlers = { readonly [K in CommandName]: Commands[K] }

export class Inspector {
  private readonly hub = new EventHub<Events>()
  private readonly startedAt = Date.now()
  private readonly handlers: Handlers
  private readonly listenerUpdates: Batcher<ListenerRecord>
  readonly traffic: TrafficLog
  readonly sessions: SessionRegistry
  readonly servers: EchoServers
  readonly clients: Clients
  readonly table: ConnTable
  private closed = false

  constructor(private readonly options: InspectorOptions) {
    this.traffic = new TrafficLog(options.traffic?.perSessionBytes, options.traffic?.totalBytes)
    this.listenerUpdates = new Batcher(SESSION_UPDATE_INTERVAL_MS, (items) =>
      this.hub.emit(
        'listener:update',
        items.map((l) => l.snapshot())
      )
    )
    this.sessions = new SessionRegistry(this.traffic, (sessions) =>
      this.hub.emit('session:update', sessions)
    )
    const sources = platformSources()
    this.table = new ConnTable({
      ...sources,
      emit: (diff) => {
        this.joinKernelViews(diff)
        this.hub.emit('table:diff', diff)
      },
      ownership: () => this.ownershipLookup()
    })
    // The table polls only while someone listens to its diffs.
    this.hub.setActivity('table:diff', {
      start: () => this.table.start(),
      stop: () => this.table.stop()
    })
    const ctx: EchoContext = {
      sessions: this.sessions,
      listenerChanged: (record) => this.listenerUpdates.mark(record),
      notify: (notice) => this.notify(notice),
      portHolders: async (protocol, port) =>
        holdersOf((await this.table.snapshot()).rows, port, protocol)
    }
    this.servers = new EchoServers(ctx)
    this.clients = new Clients(this.sessions)
    this.handlers = {
      'app:info': () => readAppInfo(this.options.shell, this.startedAt),
      'echo:start': (spec) => this.servers.start(spec),
      'echo:stop': (id, options) => this.servers.stop(id, options),
      'echo:list': async () => this.servers.list(),
      'client:connect': (spec) => this.clients.connect(spec),
      'client:send': async (id, payload) => this.clients.send(id, payload),
      'client:close': async (id) => this.clients.close(id),
      'client:reset': async (id) => this.clients.reset(id),
      'client:list': async () => this.clients.list(),
      'session:list': async () => this.sessions.list(),
      'session:traffic': async (id, range) => this.trafficPage(id, range),
      'session:export': async (id, format) => this.exportTraffic(id, format),
      'session:kernel': (id) => this.readKernel(id),
      'table:snapshot': () => this.table.snapshot(),
      'table:status': async () => this.table.status(),
      'table:configure': async (options) => this.table.configure(options),
      'table:holders': async (port, protocol) =>
        holdersOf((await this.table.snapshot()).rows, port, protocol)
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

  notify(notice: Omit<Notice, 'at'>): void {
    this.hub.emit('app:notice', { ...notice, at: Date.now() })
  }

  /** Closes every socket and timer the core owns; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.table.stop()
    this.clients.closeAll()
    await this.servers.closeAll()
    this.sessions.dispose()
    this.listenerUpdates.flush()
    this.listenerUpdates.dispose()
    this.hub.clear()
  }

  /** Each poll gives the app's sessions their kernel row: state, queues, TCP_INFO bytes. */
  private joinKernelViews(diff: TableDiff): void {
    const via = this.table.status().source
    for (const row of [...diff.added, ...diff.changed]) {
      const session = row.sessionId === null ? undefined : this.sessions.get(row.sessionId)
      if (!session) continue
      this.sessions.setKernel(session, {
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

  /** TCP_INFO straight from the session's fd, with the queues the last poll saw. */
  private async readKernel(id: SessionId): Promise<KernelView | null> {
    const s = this.session(id)
    if (s.init.protocol !== 'tcp' || s.fd === null || s.closed) return s.kernel
    const fresh = await readTcpInfo(s.fd)
    if (!fresh) return s.kernel
    const view: KernelView = {
      ...fresh,
      sendQueue: s.kernel?.sendQueue ?? null,
      recvQueue: s.kernel?.recvQueue ?? null,
      inode: s.kernel?.inode ?? null
    }
    this.sessions.setKernel(s, view)
    return view
  }

  /**
   * A kernel row is ours when this process holds it on a server's or an open session's fd.
   * The fd maps are built once a poll, not once a row.
   */
  private ownershipLookup(): OwnershipLookup {
    const listeners = new Map<number, string>()
    for (const l of this.servers.list())
      if (l.fd !== null && l.state !== 'stopped') listeners.set(l.fd, l.id)
    const sessions = this.sessions.openByFd()
    return (row) => {
      const fd = row.owners.find((o) => o.pid === process.pid)?.fd
      if (fd === undefined || fd === null) return NOT_OURS
      const listenerId = listeners.get(fd)
      if (listenerId !== undefined) return { sessionId: null, listenerId }
      return { sessionId: sessions.get(fd) ?? null, listenerId: null }
    }
  }

  private session(id: SessionId): SessionRecord {
    const s = this.sessions.get(id)
    if (!s) {
      throw new InspectorFailure(
        'ENOSESSION',
        `There is no session ${id}.`,
        'Closed sessions are kept for a while, then forgotten; list the sessions again.'
      )
    }
    return s
  }

  private trafficPage(id: SessionId, range: TrafficRange = {}): TrafficPage {
    const s = this.session(id)
    const limit = range.limit ?? TRAFFIC_PAGE_DEFAULT
    // Seqs are consecutive, so the newest `limit` start at nextSeq - limit.
    const from = range.newest ? s.log.nextSeq - limit : (range.fromSeq ?? 0)
    const fromSeq = Math.max(from, s.log.firstSeq)
    const chunks = this.traffic.range(s.log, fromSeq, limit)
    return {
      sessionId: id,
      chunks: chunks.map((c) => ({
        seq: c.seq,
        at: c.at,
        dir: c.dir,
        data: c.bytes.toString('base64')
      })),
      nextSeq: chunks.length > 0 ? chunks[chunks.length - 1]!.seq + 1 : fromSeq,
      firstSeq: s.log.firstSeq,
      droppedBytes: s.log.droppedBytes
    }
  }

  private exportTraffic(id: SessionId, format: ExportFormat): string {
    const s = this.session(id)
    const chunks = this.traffic.range(s.log, 0, Number.MAX_SAFE_INTEGER)
    const snap = s.snapshot()
    const title = `# Session ${snap.id} · ${snap.protocol} · ${snap.role} · local ${formatEndpoint(snap.local)} · remote ${formatEndpoint(snap.remote)} · in ${snap.bytesIn} B · out ${snap.bytesOut} B`
    const dropped =
      snap.trafficDroppedBytes > 0
        ? `\n# ${snap.trafficDroppedBytes} earlier bytes were dropped to stay within the log's bounds`
        : ''
    const body = format === 'hex' ? formatTrafficHex(chunks) : formatTrafficText(chunks)
    return `${title}${dropped}\n${body}\n`
  }
}
