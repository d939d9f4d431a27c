// What the session list shows, worked out from the store's sessions and servers: filtered
// (state, server, peer text), sorted, and grouped under their servers (clients last), with
// collapsed groups reduced to their header. Pure, so it is tested without a page.
import { formatEndpoint } from '../../../../shared/endpoint'
import type { Listener, Session } from '../../../../shared/model'

/** The group of the app's own clients (they have no server). */
export const CLIENTS_GROUP = 'clients'

export type StateFilter = 'all' | 'live' | 'closed' | 'error'
export type SortKey = 'id' | 'peer' | 'state' | 'bytesIn' | 'bytesOut' | 'duration'
export interface SortOrder {
  readonly key: SortKey
  readonly descending: boolean
}

export interface SessionFilter {
  readonly state: StateFilter
  /** A listener id, CLIENTS_GROUP, or 'all'. */
  readonly server: string
  /** Matched against the session's id and both addresses. */
  readonly text: string
}

export const NO_FILTER: SessionFilter = { state: 'all', server: 'all', text: '' }
export const DEFAULT_SORT: SortOrder = { key: 'id', descending: false }

export type ListItem =
  | {
      readonly kind: 'group'
      readonly key: string
      readonly listener: Listener | null
      /** Sessions in the group that pass the filter. */
      readonly shown: number
      readonly total: number
      readonly collapsed: boolean
    }
  | { readonly kind: 'session'; readonly key: string; readonly session: Session }

const isLive = (s: Session): boolean => s.state !== 'closed' && s.state !== 'error'

function passes(s: Session, f: SessionFilter, text: string): boolean {
  if (f.state === 'live' && !isLive(s)) return false
  if (f.state === 'closed' && s.state !== 'closed') return false
  if (f.state === 'error' && s.state !== 'error') return false
  if (f.server !== 'all' && groupOf(s) !== f.server) return false
  if (text === '') return true
  return (
    s.id.includes(text) ||
    formatEndpoint(s.remote).toLowerCase().includes(text) ||
    formatEndpoint(s.local).toLowerCase().includes(text)
  )
}

export function groupOf(s: Session): string {
  return s.listenerId ?? CLIENTS_GROUP
}

/** "s-12" → 12, so s-9 sorts before s-10. */
const idNumber = (id: string): number => Number(id.slice(id.indexOf('-') + 1))

function compare(key: SortKey, now: number): (a: Session, b: Session) => number {
  switch (key) {
    case 'peer':
      return (a, b) => formatEndpoint(a.remote).localeCompare(formatEndpoint(b.remote))
    case 'state':
      return (a, b) => a.state.localeCompare(b.state)
    case 'bytesIn':
      return (a, b) => a.bytesIn - b.bytesIn
    case 'bytesOut':
      return (a, b) => a.bytesOut - b.bytesOut
    case 'duration':
      return (a, b) => (a.closedAt ?? now) - a.openedAt - ((b.closedAt ?? now) - b.openedAt)
    case 'id':
      return () => 0
  }
}

export function sortSessions(
  sessions: readonly Session[],
  order: SortOrder,
  now: number
): Session[] {
  const by = compare(order.key, now)
  const sign = order.descending ? -1 : 1
  // The id breaks ties, so equal rows keep a stable order as their counters move.
  return [...sessions].sort((a, b) => sign * (by(a, b) || idNumber(a.id) - idNumber(b.id)))
}

export function listItems(
  listeners: readonly Listener[],
  sessions: readonly Session[],
  filter: SessionFilter,
  order: SortOrder,
  collapsed: ReadonlySet<string>,
  now: number
): ListItem[] {
  const text = filter.text.trim().toLowerCase()
  const groups = new Map<string, { total: number; shown: Session[] }>()
  for (const l of listeners) groups.set(l.id, { total: 0, shown: [] })
  for (const s of sessions) {
    const key = groupOf(s)
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { total: 0, shown: [] }))
    g.total++
    if (passes(s, filter, text)) g.shown.push(s)
  }
  const byId = new Map(listeners.map((l) => [l.id, l]))
  // The newest server first: what was just started is at the top; the app's clients last.
  const keys = [...groups.keys()].filter((k) => k !== CLIENTS_GROUP).reverse()
  keys.push(CLIENTS_GROUP)
  const items: ListItem[] = []
  for (const key of keys) {
    if (filter.server !== 'all' && filter.server !== key) continue
    const g = groups.get(key) ?? { total: 0, shown: [] }
    const isCollapsed = collapsed.has(key)
    items.push({
      kind: 'group',
      key,
      listener: byId.get(key) ?? null,
      shown: g.shown.length,
      total: g.total,
      collapsed: isCollapsed
    })
    if (isCollapsed) continue
    for (const s of sortSessions(g.shown, order, now))
      items.push({ kind: 'session', key: s.id, session: s })
  }
  return items
}
