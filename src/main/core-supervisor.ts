// Keeps the core host process alive for a shell that runs it out of process (Electron main;
// tests under Node): starts it, restarts it when it dies, and stops it on quit — closing
// every socket the core owns first. What forks the process is passed in, so the same logic
// runs with utilityProcess.fork in the app and child_process.fork in tests.
import type { HostControl } from '../shared/wire'

/** Restarts allowed within RESTART_WINDOW_MS before the supervisor gives up. */
export const MAX_RESTARTS = 5
export const RESTART_WINDOW_MS = 60_000
/** How long a quitting core may take to close its sockets before it is killed. */
export const QUIT_GRACE_MS = 10_000

/** A running core host, whatever started it. */
export interface HostProcess {
  readonly pid: number | undefined
  /** Sends a control message (with a transferred port, where the transport has them). */
  control(message: HostControl, transfer?: readonly unknown[]): void
  onExit(listener: (code: number | null) => void): void
  onReady(listener: () => void): void
  kill(): void
}

export interface SupervisorHooks {
  /** A host is ready: hand it its ports. `restarted` is true after a crash. */
  ready(host: HostProcess, restarted: boolean): void
  /** The host died unexpectedly; a restart follows unless `givingUp`. */
  lost(code: number | null, givingUp: boolean): void
}

export class CoreSupervisor {
  private host: HostProcess | null = null
  private readyHost: HostProcess | null = null
  private restarts: number[] = []
  private stopping = false
  private started = false

  constructor(
    private readonly fork: () => HostProcess,
    private readonly hooks: SupervisorHooks,
    private readonly now: () => number = Date.now
  ) {}

  /** The host, once it has said it is ready (ports sent before then could be lost). */
  current(): HostProcess | null {
    return this.readyHost
  }

  start(): void {
    this.spawn(false)
  }

  /** Asks the core to close everything and exit; kills it if it takes too long. */
  async stop(): Promise<void> {
    this.stopping = true
    const host = this.host
    if (!host) return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        host.kill()
        resolve()
      }, QUIT_GRACE_MS)
      host.onExit(() => {
        clearTimeout(timer)
        resolve()
      })
      host.control({ t: 'host:quit' })
    })
    this.host = null
    this.readyHost = null
  }

  private spawn(restarted: boolean): void {
    const host = this.fork()
    this.host = host
    host.onReady(() => {
      if (this.host !== host) return
      this.readyHost = host
      this.hooks.ready(host, restarted || this.started)
      this.started = true
    })
    host.onExit((code) => {
      if (this.host !== host || this.stopping) return
      this.host = null
      this.readyHost = null
      const now = this.now()
      this.restarts = [...this.restarts.filter((t) => now - t < RESTART_WINDOW_MS), now]
      const givingUp = this.restarts.length > MAX_RESTARTS
      this.hooks.lost(code, givingUp)
      if (!givingUp) this.spawn(true)
    })
  }
}
