// The echo servers the app runs: start, stop, list. Input was validated by the schema;
// here the OS gets its say, and every failure comes back as a code, a sentence and a hint.
import { isIP } from 'node:net'
import { InspectorFailure } from '../../shared/errors'
import type { Listener, ListenerId, ListenerSpec, StopOptions } from '../../shared/model'
import { decodeEscapes } from '../../shared/payload'
import { describeHolders } from '../conntable/port-holders'
import { listenFailure } from '../net-errors'
import type { EchoContext, RunningServer } from './context'
import { ListenerRecord } from './listener-record'
import { startStreamServer } from './stream-server'
import { startUdpServer } from './udp-server'
import { normalizeSocketPath, prepareSocketPath, removeSocketFile } from './unix-path'

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_BACKLOG = 511

interface Entry {
  readonly record: ListenerRecord
  running: RunningServer | null
}

export class EchoServers {
  private readonly servers = new Map<ListenerId, Entry>()
  private nextId = 1

  constructor(private readonly ctx: EchoContext) {}

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
    this.servers.set(id, { record, running })
    this.ctx.listenerChanged(record)
    return record.snapshot()
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
        'It may have been removed; list the servers again.'
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
    try {
      return spec.protocol === 'udp'
        ? await startUdpServer(record, host, port, this.ctx)
        : await startStreamServer(
            {
              record,
              listen: { host, port },
              backlog: record.backlog ?? undefined,
              greeting: greetingBytes
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
