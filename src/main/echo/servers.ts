// The echo servers the app runs: start, stop, list. Input was validated by the schema;
// here the OS gets its say, and every failure comes back as a code, a sentence and a hint.
import { isIP } from 'node:net'
import { ERROR_IDS as ID } from '../../shared/error-ids'
import { InspectorFailure } from '../../shared/errors'
import type { Listener, ListenerId, ListenerSpec, StopOptions } from '../../shared/model'
import { decodeEscapes } from '../../shared/payload'
import { describeHolders } from '../conntable/port-holders'
import { listenFailure } from '../net-errors'
import type { EchoContext, RunningServer } from './context'
import { ListenerRecord } from './listener-record'
import { startStreamServer } from './stream-server'
import { startUdpServer } from './udp-server'
import { SelfSignedStore, tlsMaterial } from './tls-cert'
import { tlsWrapper } from './tls-server'
import { normalizeSocketPath, prepareSocketPath, removeSocketFile } from './unix-path'

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_BACKLOG = 511

interface Entry {
  record: ListenerRecord
  running: RunningServer | null
  /** What it was started with, so a stopped server can be started again as it was. */
  readonly spec: ListenerSpec
}

export class EchoServers {
  private readonly servers = new Map<ListenerId, Entry>()
  private nextId = 1

  /**
   * @param ownCertificate the app's self-signed certificate for TLS servers started without
   *   the user's; give it a folder (the config folder) to keep it across runs.
   */
  constructor(
    private readonly ctx: EchoContext,
    private readonly ownCertificate: SelfSignedStore = new SelfSignedStore(null)
  ) {}

  /** Where this room's servers report to, for a second set sharing the sessions (tests). */
  get context(): EchoContext {
    return this.ctx
  }

  async start(spec: ListenerSpec): Promise<Listener> {
    const id = `l-${this.nextId++}`
    const greeting = 'greeting' in spec && spec.greeting ? spec.greeting : null
    const record = new ListenerRecord(
      id,
      spec.protocol,
      spec.protocol === 'udp' ? null : (spec.backlog ?? DEFAULT_BACKLOG),
      greeting,
      spec.protocol === 'udp' ? (spec.idleTimeoutMs ?? null) : null
    )
    const running = await this.listen(record, spec, greeting)
    this.servers.set(id, { record, running, spec })
    this.ctx.listenerChanged(record)
    return record.snapshot()
  }

  /**
   * Starts a stopped server again under the same id, on the port it had (an "any free port"
   * server keeps the one it was given, so clients can reconnect where they were).
   */
  async restart(id: ListenerId): Promise<Listener> {
    const entry = this.entry(id)
    if (entry.running) {
      throw new InspectorFailure(
        'EBUSY',
        `Echo server ${id} is already running.`,
        'Stop it first to restart it.',
        { id: ID.serverRunning, params: { id } }
      )
    }
    const old = entry.record
    const spec: ListenerSpec =
      entry.spec.protocol === 'unix' || old.port === null
        ? entry.spec
        : { ...entry.spec, port: old.port }
    const record = new ListenerRecord(
      id,
      old.protocol,
      old.backlog,
      old.greeting,
      old.idleTimeoutMs
    )
    entry.running = await this.listen(record, spec, old.greeting)
    entry.record = record
    this.ctx.listenerChanged(record)
    return record.snapshot()
  }

  /** Stops a server if it runs, then forgets it; its closed sessions stay until cleared. */
  async remove(id: ListenerId): Promise<Listener> {
    const entry = this.entry(id)
    await this.stop(id)
    this.servers.delete(id)
    entry.record.state = 'removed'
    this.ctx.listenerChanged(entry.record)
    return entry.record.snapshot()
  }

  async stop(id: ListenerId, options: StopOptions = {}): Promise<Listener> {
    const entry = this.entry(id)
    if (entry.running) {
      const running = entry.running
      entry.running = null
      await running.stop(options.closeSessions ?? true)
      if (entry.record.path !== null) await removeSocketFile(entry.record.path)
      entry.record.state = 'stopped'
      entry.record.stoppedAt = Date.now()
      this.ctx.listenerChanged(entry.record)
    }
    return entry.record.snapshot()
  }

  list(): Listener[] {
    return [...this.servers.values()].map((e) => e.record.snapshot())
  }

  record(id: ListenerId): ListenerRecord | undefined {
    return this.servers.get(id)?.record
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.servers.keys()].map((id) => this.stop(id, { closeSessions: true })))
  }

  private entry(id: ListenerId): Entry {
    const entry = this.servers.get(id)
    if (!entry) {
      throw new InspectorFailure(
        'ENOSERVER',
        `There is no echo server ${id}.`,
        'It may have been removed; list the servers again.',
        { id: ID.serverNone, params: { id } }
      )
    }
    return entry
  }

  private async listen(
    record: ListenerRecord,
    spec: ListenerSpec,
    greeting: string | null
  ): Promise<RunningServer> {
    const greetingBytes = greeting ? Buffer.from(decodeEscapes(greeting)) : null
    if (spec.protocol === 'unix') {
      const path = normalizeSocketPath(spec.path)
      try {
        if ((await prepareSocketPath(path)) === 'stale-removed') {
          this.ctx.notify({
            level: 'info',
            code: 'STALE_SOCKET_REMOVED',
            message: `Removed a stale socket file at ${path} (no server was listening there).`
          })
        }
        return await startStreamServer(
          {
            record,
            listen: { path },
            backlog: record.backlog ?? undefined,
            greeting: greetingBytes
          },
          this.ctx
        )
      } catch (err) {
        throw listenFailure(err, { protocol: 'unix', where: path })
      }
    }
    // "localhost" could resolve to ::1 or 127.0.0.1 depending on the OS; be predictable.
    const host = !spec.host || spec.host === 'localhost' ? DEFAULT_HOST : spec.host
    const port = spec.port ?? 0
    // Certificate problems are the user's files, not the port: say so before listening.
    const tls =
      spec.protocol === 'tcp' && spec.tls ? await tlsMaterial(spec.tls, this.ownCertificate) : null
    if (tls) record.tls = { subject: tls.subject, validTo: tls.validTo, selfSigned: tls.selfSigned }
    try {
      return spec.protocol === 'udp'
        ? await startUdpServer(record, host, port, this.ctx)
        : await startStreamServer(
            {
              record,
              listen: { host, port },
              backlog: record.backlog ?? undefined,
              greeting: greetingBytes,
              ...(tls ? { secure: tlsWrapper(tls) } : {})
            },
            this.ctx
          )
    } catch (err) {
      const where = isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`
      const holder =
        (err as NodeJS.ErrnoException).code === 'EADDRINUSE'
          ? await this.holderOf(spec.protocol, port)
          : null
      throw listenFailure(err, { protocol: spec.protocol, where, port, holder })
    }
  }

  /** Names who holds a port: one of our own servers first, else whatever the OS says. */
  private async holderOf(protocol: 'tcp' | 'udp', port: number): Promise<string | null> {
    for (const { record, running } of this.servers.values()) {
      if (running && record.protocol === protocol && record.port === port) {
        return `this app's echo server ${record.id} (${record.address})`
      }
    }
    try {
      return describeHolders(await this.ctx.portHolders(protocol, port))
    } catch {
      return null
    }
  }
}
