// Read-only data of the processes, names, history and alerts rooms, as their commands
// answer (kept beside model.ts so that hot file stays small).
import type { Alert } from './alert-rules'
import type { ServiceEntry } from './service-names'

export interface HistoryStatus {
  readonly enabled: boolean
  readonly kept: number
  readonly bytes: number
  /** Closed sockets let go of to stay within the bounds, for the run. */
  readonly dropped: number
  readonly maxRows: number
  readonly maxBytes: number
}

export interface ReverseDnsStatus {
  readonly enabled: boolean
  readonly cached: number
  readonly inFlight: number
  readonly queued: number
  /** Asks dropped because the queue was full. */
  readonly dropped: number
}

export interface RecentAlerts {
  readonly alerts: readonly Alert[]
  /** Alerts let go of to stay within RECENT_ALERTS_LIMIT, for the run. */
  readonly dropped: number
}

export interface ServicesAnswer {
  /** The services file's entries, then the built-in list's. */
  readonly entries: readonly ServiceEntry[]
  /** The file read, or null when only the built-in list is known. */
  readonly path: string | null
  readonly problem: string | null
}

/** Host names by address: null while unknown, or when the address has none. */
export type HostNames = Readonly<Record<string, string | null>>
