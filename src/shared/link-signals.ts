// The transport-level signals the page shows: is the link to the core up, and is the core
// behind it still the one we started with. Shared by the WebSocket and MessagePort bridges.
import type { Unsubscribe } from './contract'

export type LinkStatus = 'connecting' | 'open' | 'reconnecting' | 'unauthorized'

export class LinkSignals {
  private current: LinkStatus
  private restarts = 0
  private core: string | null = null
  private readonly statusFns = new Set<(s: LinkStatus) => void>()
  private readonly restartFns = new Set<() => void>()

  constructor(initial: LinkStatus) {
    this.current = initial
  }

  status(): LinkStatus {
    return this.current
  }

  coreRestarts(): number {
    return this.restarts
  }

  setStatus(next: LinkStatus): void {
    if (next === this.current) return
    this.current = next
    for (const fn of [...this.statusFns]) fn(next)
  }

  /**
   * The core said which one it is. Another core than before means everything the page
   * held (sessions, servers, table) belonged to a core that died: say so, and resync.
   */
  identified(core: string): void {
    if (this.core !== null && this.core !== core) this.coreRestarted()
    this.core = core
  }

  private coreRestarted(): void {
    this.restarts++
    for (const fn of [...this.restartFns]) fn()
  }

  onStatus(fn: (s: LinkStatus) => void): Unsubscribe {
    this.statusFns.add(fn)
    return () => this.statusFns.delete(fn)
  }

  onCoreRestart(fn: () => void): Unsubscribe {
    this.restartFns.add(fn)
    return () => this.restartFns.delete(fn)
  }
}
