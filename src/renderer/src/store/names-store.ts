// Names in the renderer: service names (the core's services file, loaded once; the
// built-in list until then), host names for remote addresses (only while the user has
// reverse lookups on; asked for at most once a second, answered from the core's cache),
// and which Unix socket is whose peer. Columns read it through the module-level `names`,
// so rows need no new fields; they pick new names up on their next render.
import type { InspectorApi, Unsubscribe } from '../../../shared/contract'
import type { TableRow } from '../../../shared/model'
import { BUILTIN_SERVICE_NAMES, ServiceNames } from '../../../shared/service-names'
import { unixPeers } from '../../../shared/unix-pairs'

/** How often the host names of the addresses in view are asked for. */
export const HOST_REFRESH_MS = 1_000
/** Addresses asked for in one call (the core's own bound is higher). */
const HOSTS_PER_CALL = 500

export interface NamesState {
  readonly reverseDns: boolean
  readonly servicesPath: string | null
  readonly servicesProblem: string | null
}

export class NamesStore {
  services: ServiceNames = BUILTIN_SERVICE_NAMES
  private hosts = new Map<string, string | null>()
  private wanted = new Set<string>()
  private peers = new Map<string, TableRow>()
  private peersBuiltFor = -1
  private state: NamesState = { reverseDns: false, servicesPath: null, servicesProblem: null }
  private readonly subscribers = new Set<() => void>()
  private timer: ReturnType<typeof setInterval> | null = null

  constructor(private readonly api: InspectorApi) {}

  start(): Unsubscribe {
    this.api['names:services']().then(
      (answer) => {
        this.services = new ServiceNames(answer.entries)
        this.set({ servicesPath: answer.path, servicesProblem: answer.problem })
      },
      () => undefined // the built-in list stays
    )
    this.api['names:status']().then(
      (s) => this.set({ reverseDns: s.enabled }),
      () => undefined
    )
    this.timer = setInterval(() => void this.refreshHosts(), HOST_REFRESH_MS)
    return () => {
      if (this.timer) clearInterval(this.timer)
      this.timer = null
    }
  }

  /** The switch moves at once; the core's answer then has the last word. */
  async setReverseDns(on: boolean): Promise<void> {
    if (!on) this.hosts = new Map()
    this.set({ reverseDns: on })
    try {
      const status = await this.api['names:configure']({ reverseDns: on })
      this.set({ reverseDns: status.enabled })
    } catch {
      this.set({ reverseDns: !on })
    }
  }

  /** The host name of an address, when looked up and found; asks for it otherwise. */
  host(address: string | null): string | null {
    if (!this.state.reverseDns || address === null || address === '*' || address === '') return null
    const name = this.hosts.get(address)
    if (name === undefined) this.wanted.add(address)
    return name ?? null
  }

  serviceName(port: number | null, protocol: string): string | null {
    return this.services.name(port, protocol)
  }

  /** The other end of a Unix socket, when it is in the table. */
  unixPeer(row: TableRow, rows: readonly TableRow[], structure: number): TableRow | null {
    if (row.protocol !== 'unix' || row.peerInode === null) return null
    if (structure !== this.peersBuiltFor) {
      this.peers = unixPeers(rows)
      this.peersBuiltFor = structure
    }
    return this.peers.get(row.id) ?? null
  }

  subscribe = (fn: () => void): Unsubscribe => {
    this.subscribers.add(fn)
    return () => this.subscribers.delete(fn)
  }

  getState = (): NamesState => this.state

  private async refreshHosts(): Promise<void> {
    if (!this.state.reverseDns || this.wanted.size === 0) return
    const ask = [...this.wanted].slice(0, HOSTS_PER_CALL)
    this.wanted = new Set([...this.wanted].slice(HOSTS_PER_CALL))
    try {
      const answer = await this.api['names:hosts'](ask.filter(isIp))
      for (const [address, name] of Object.entries(answer)) {
        // Unknown yet: ask again next time; known (a name or none): keep.
        if (name !== null) this.hosts.set(address, name)
      }
    } catch {
      // The link is down; the badge says so.
    }
  }

  private set(patch: Partial<NamesState>): void {
    this.state = { ...this.state, ...patch }
    for (const fn of [...this.subscribers]) fn()
  }
}

/** What names:hosts accepts: plain IPv4 and IPv6 addresses (no zone index). */
function isIp(address: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(address) || /^[\da-f:.]+$/i.test(address)
}
