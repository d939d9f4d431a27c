// The actions room's facade: close a connection, stop a process, who holds a port, find a
// free port. The Inspector owns one and routes the contract's commands here.
import { userInfo } from 'node:os'
import type {
  CloseRequest,
  CloseResult,
  FreePortQuery,
  PortQuery,
  PortReport,
  StopRequest,
  StopResult
} from '../../shared/actions-model'
import type { Endpoint, ShellKind, TableSnapshot, TableStatus } from '../../shared/model'
import type { Clients } from '../clients/clients'
import type { DiagDetail } from '../conntable/sock-diag'
import type { SessionRegistry } from '../echo/sessions'
import { findFreePort, probeBind } from './bind-probe'
import { closeSocket } from './close-socket'
import type { OwnSocket } from './close-socket'
import { processFacts, readBindEnv, userNames } from './host-facts'
import { destroySocket, portDetails } from './netlink-io'
import { deleteTcb } from './tcp-entry'
import { FRESH_ROW, portReport } from './port-report'
import { stopProcess } from './stop-process'

export interface ActionsDeps {
  readonly shell: ShellKind
  readonly sessions: SessionRegistry
  readonly clients: Clients
  readonly table: {
    snapshot(): Promise<TableSnapshot>
    status(): TableStatus
    /** A fresh poll after an action, so its rows change without waiting for the next tick. */
    poll(): Promise<unknown>
  }
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one address to a dual-stack socket. */
const plain = (address: string): string => address.replace(/^::ffff:(?=\d+\.)/i, '')
const sameEndpoint = (a: Endpoint, b: Endpoint): boolean =>
  plain(a.address) === plain(b.address) && a.port === b.port

function myUid(): number | null {
  try {
    return process.getuid?.() ?? userInfo().uid
  } catch {
    return null
  }
}

export class Actions {
  constructor(private readonly deps: ActionsDeps) {}

  async close(req: CloseRequest): Promise<CloseResult> {
    const result = await closeSocket(req, {
      platform: process.platform,
      findOwn: (r) => this.findOwn(r),
      destroy: destroySocket,
      deleteTcb
    })
    this.refresh()
    return result
  }

  async stop(req: StopRequest): Promise<StopResult> {
    const names = await userNames()
    const result = await stopProcess(req, {
      platform: process.platform,
      selfPid: process.pid,
      // The desktop app's core runs in a utility process whose parent is Electron's main.
      appRootPid: this.deps.shell === 'electron' ? process.ppid : null,
      myUid: myUid(),
      userName: (uid) => names.get(uid) ?? null
    })
    this.refresh()
    return result
  }

  async who(query: PortQuery): Promise<PortReport> {
    const protocol = query.protocol ?? 'tcp'
    const { table } = this.deps
    const polling = table.status().polling
    const details = await this.details(query.port, protocol)
    // Without sock_diag the table is the only truth: make it fresh. With it, the last poll
    // is enough unless the kernel shows a socket the poll has not seen (then poll once).
    if (details === null && polling) await table.poll()
    const report = await this.report(query, details)
    if (!polling || !report.holders.some((h) => h.rowId.startsWith(FRESH_ROW))) return report
    await table.poll()
    return this.report(query, await this.details(query.port, protocol))
  }

  private async report(query: PortQuery, details: DiagDetail[] | null): Promise<PortReport> {
    const [snapshot, names] = await Promise.all([this.deps.table.snapshot(), userNames()])
    const { blind, blindSaid } = this.deps.table.status()
    return portReport(query, {
      rows: snapshot.rows,
      details,
      env: await readBindEnv(blind.length > 0),
      blind,
      ...(blindSaid ? { blindSaid } : {}),
      userName: (uid) => names.get(uid) ?? null,
      commandLine: async (pid) => (await processFacts(pid))?.commandLine ?? null,
      probe: probeBind,
      now: Date.now()
    })
  }

  async freePort(query: FreePortQuery): Promise<number | null> {
    const env = await readBindEnv(false)
    const lowest = env.canBindLowPorts ? 1 : env.lowPortLimit
    return findFreePort(query.protocol ?? 'tcp', query.address ?? '127.0.0.1', query.near, lowest)
  }

  private async details(port: number, protocol: 'tcp' | 'udp'): Promise<DiagDetail[] | null> {
    if (process.platform !== 'linux') return null
    // Without sock_diag the report still stands; v6only and the timer are then unknown.
    return portDetails(port, protocol).catch(() => null)
  }

  private refresh(): void {
    if (this.deps.table.status().polling) void this.deps.table.poll().catch(() => undefined)
  }

  private findOwn(req: CloseRequest): OwnSocket | null {
    const { sessions, clients } = this.deps
    const id =
      req.sessionId ??
      sessions.list(
        (s) =>
          !s.closed &&
          s.init.protocol === req.protocol &&
          sameEndpoint(s.local, req.local) &&
          sameEndpoint(s.remote, req.remote)
      )[0]?.id
    const record = id === undefined ? undefined : sessions.get(id)
    if (!record || record.closed) return null
    const client = record.init.role === 'client'
    return {
      sessionId: record.id,
      closable: client || record.closer !== null,
      close: (mode) => {
        if (client) {
          if (mode === 'reset') clients.reset(record.id)
          else clients.close(record.id)
        } else record.closer?.(mode)
      }
    }
  }
}
