import { useSyncExternalStore } from 'react'
import type { Connection, LinkStatus } from './api'

export function useLinkStatus(connection: Connection): LinkStatus {
  return useSyncExternalStore(connection.onStatus, connection.status)
}

/** How many times the core behind the link was replaced by a new one (a crash, a restart). */
export function useCoreRestarts(connection: Connection): number {
  return useSyncExternalStore(connection.onCoreRestart, connection.coreRestarts)
}
