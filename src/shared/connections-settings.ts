// What the Connections view remembers (the `connections` key of the settings file): the
// filter, sort, columns, toggles and where the details dock. The type, its defaults and its
// bounds; the zod schema that checks it where it lands is connections-settings-schema.ts
// (kept apart so the renderer does not bundle zod).
import type { SocketProtocol } from './model'

export type SortDirection = 'asc' | 'desc'
export type DetailsDock = 'right' | 'bottom'

export interface ConnectionsSettings {
  readonly filter: string
  readonly sort: { readonly column: string; readonly direction: SortDirection }
  /** Column keys left to right; keys not listed (a column added later) go at the end. */
  readonly columnOrder: readonly string[]
  /** Widths in CSS pixels the user dragged to; a column not listed takes its default. */
  readonly columnWidths: Readonly<Record<string, number>>
  readonly hiddenColumns: readonly string[]
  readonly protocols: readonly SocketProtocol[]
  /**
   * `only`: show just this state (a click on its chip); `hidden`: states hidden (Alt+click).
   * Hidden rather than shown, so a state never seen before shows up.
   */
  readonly states: { readonly only: string | null; readonly hidden: readonly string[] }
  readonly hideLoopback: boolean
  readonly detailsDock: DetailsDock
  /** The details pane's share of the view, in percent, for each dock. */
  readonly detailsSize: { readonly right: number; readonly bottom: number }
}

export const CONNECTIONS_LIMITS = {
  filterChars: 1_000,
  columns: 64,
  columnKeyChars: 32,
  columnWidthPx: { min: 36, max: 2_000 },
  states: 64,
  stateChars: 32,
  detailsPercent: { min: 10, max: 90 }
} as const

export const DEFAULT_CONNECTIONS: ConnectionsSettings = {
  filter: '',
  sort: { column: 'local', direction: 'asc' },
  columnOrder: [],
  columnWidths: {},
  hiddenColumns: [],
  protocols: ['tcp', 'udp', 'unix'],
  states: { only: null, hidden: [] },
  hideLoopback: false,
  detailsDock: 'bottom',
  detailsSize: { right: 38, bottom: 40 }
}
