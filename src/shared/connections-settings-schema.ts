// The zod schema for the settings file's `connections` value. Every field has its default,
// so a file written by an older version (a field missing) still loads; a value out of
// bounds is refused with what is wrong.
import { z } from 'zod'
import { CONNECTIONS_LIMITS as L, DEFAULT_CONNECTIONS as D } from './connections-settings'
import type { ConnectionsSettings } from './connections-settings'

const columnKey = z.string().min(1).max(L.columnKeyChars)
const state = z.string().min(1).max(L.stateChars)
const percent = z.number().min(L.detailsPercent.min).max(L.detailsPercent.max)

export const connectionsSettingsSchema = z.object({
  filter: z.string().max(L.filterChars).default(D.filter),
  sort: z.object({ column: columnKey, direction: z.enum(['asc', 'desc']) }).default({ ...D.sort }),
  columnOrder: z.array(columnKey).max(L.columns).default([]),
  columnWidths: z
    .record(columnKey, z.number().int().min(L.columnWidthPx.min).max(L.columnWidthPx.max))
    .refine((r) => Object.keys(r).length <= L.columns, { error: 'too many column widths' })
    .default({}),
  hiddenColumns: z.array(columnKey).max(L.columns).default([]),
  protocols: z
    .array(z.enum(['tcp', 'udp', 'unix']))
    .max(3)
    .default([...D.protocols]),
  states: z
    .object({ only: state.nullable(), hidden: z.array(state).max(L.states) })
    .default({ only: null, hidden: [] }),
  hideLoopback: z.boolean().default(D.hideLoopback),
  detailsDock: z.enum(['right', 'bottom']).default(D.detailsDock),
  detailsSize: z.object({ right: percent, bottom: percent }).default({ ...D.detailsSize })
}) satisfies z.ZodType<ConnectionsSettings, unknown>
