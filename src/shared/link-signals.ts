// The transport-level signals the page shows: is the link to the core up, and is the core
// behind it still the one we started with. Shared by the WebSocket and MessagePort bridges.
import type { InspectorBridge, Unsubscribe } from './contract'

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
   * The link is open. The core's pid and start time tell whether it is the core we had; a
   * new one means everything the page held (sessions, servers, table) belonged to a dead core.
   */
  opened(bridge: InspectorBridge): void {
    void bridge['app:info']().then((info) => {
      if (!info.ok) return
      const id = `${info.value.pid}@${info.value.startedAt}`
      if (this.core !== null && this.core !== id) this.coreRestarted()
      this.core = id
    })
    this.setStatus('open')
  }

  /** The transport itself knows the core was restarted (the desktop app's main says so). */
  coreRestarted(): void {
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
