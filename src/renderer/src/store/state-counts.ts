// Rows by state, for the state chips above the table.
import type { SocketRow } from '../../../shared/model'

/** The state a row is counted under; stateless sockets (some Unix ones) as "—". */
export const stateKey = (r: Pick<SocketRow, 'state'>): string => r.state ?? '—'

/** How many rows each state has, most first (ties by name). */
export function countStates(
  rows: Iterable<Pick<SocketRow, 'state'>>
): Array<readonly [string, number]> {
  const counts = new Map<string, number>()
  for (const r of rows) counts.set(stateKey(r), (counts.get(stateKey(r)) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
}
