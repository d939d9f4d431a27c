import type { Notice, PortHolder } from '../../shared/model'
import type { ListenerRecord } from './listener-record'
import type { SessionRegistry } from './sessions'

/** What a server needs from the core: where sessions go, and how to say things. */
export interface EchoContext {
  readonly sessions: SessionRegistry
  listenerChanged(record: ListenerRecord): void
  notify(notice: Omit<Notice, 'at'>): void
  /** Who holds a port, from the connection table's source, for the EADDRINUSE hint. */
  portHolders(protocol: 'tcp' | 'udp', port: number): Promise<PortHolder[]>
}

/** A server that is up; stop() resolves once its listening socket is closed. */
export interface RunningServer {
  stop(closeSessions: boolean): Promise<void>
}

/** How long sessions get to finish gracefully when their server stops before being cut. */
export const STOP_GRACE_MS = 1_000
