// The core's parts, as the rooms' command handlers see them. The Inspector builds them
// and keeps them to itself; shells reach the core only through commands and events.
import type { Events } from '../shared/contract'
import type { Notice, ShellKind } from '../shared/model'
import type { Clients } from './clients/clients'
import type { ConnTable } from './conntable/table'
import type { EchoServers } from './echo/servers'
import type { SessionRegistry } from './echo/sessions'
import type { TrafficLog } from './echo/traffic-log'
import type { SettingsStore } from './settings/settings-store'
import type { Alerts } from './alerts/alerts'
import type { ClosedHistory } from './conntable/closed-history'
import type { Names } from './names/names'
import type { ProcessesPart } from './processes/processes-part'

export interface CoreParts {
  readonly shell: ShellKind
  readonly startedAt: number
  readonly traffic: TrafficLog
  readonly sessions: SessionRegistry
  readonly servers: EchoServers
  readonly clients: Clients
  readonly table: ConnTable
  readonly settings: SettingsStore
  readonly processes: ProcessesPart
  readonly names: Names
  readonly history: ClosedHistory
  readonly alerts: Alerts
  /** Notices from start-up (a settings file that could not be read), kept for app:info. */
  readonly startupNotices: readonly Notice[]
  emit<E extends keyof Events>(event: E, payload: Events[E]): void
  notify(notice: Omit<Notice, 'at'>): void
}
