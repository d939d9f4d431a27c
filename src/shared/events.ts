// Every event the core emits, defined once: name → payload. contract.ts derives the
// `Events` type and the runtime name list from this table.
import type { Listener, Notice, Session, SessionsForgotten, TableDiff } from './model'
import type { Settings } from './settings-schema'
import type { Alert } from './alert-rules'
import type { RecordingOffer } from './export-schema'

declare const payloadType: unique symbol
export interface EventDef<Payload> {
  readonly [payloadType]?: Payload
}
function event<Payload>(): EventDef<Payload> {
  return {}
}

export const EVENTS = {
  'app:notice': event<Notice>(),
  /** Sessions that changed, batched (see SESSION_UPDATE_INTERVAL_MS). */
  'session:update': event<Session[]>(),
  /** Servers that changed, batched with the sessions. */
  'listener:update': event<Listener[]>(),
  /** Closed sessions the core let go of (the bound, or the user's asking); drop them too. */
  'session:forgotten': event<SessionsForgotten>(),
  /** One per poll while someone listens; a gap in seq means: fetch a new snapshot. */
  'table:diff': event<TableDiff>(),
  /** The whole settings, after any change (from this window, another tab, or the core). */
  'settings:changed': event<Settings>(),
  /** One of the user's alert rules fired. */
  'alert:fired': event<Alert>(),
  /** The desktop shell was asked to open a recording (File → Open): take it and replay it. */
  'recording:offered': event<RecordingOffer>()
} as const
