import { useSyncExternalStore } from 'react'
import type { Connection, LinkStatus } from './api'

export function useLinkStatus(connection: Connection): LinkStatus {
  return useSyncExternalStore(connection.onStatus, connection.status)
}
