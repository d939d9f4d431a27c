// The rows the table shows: filtered, toggled and sorted. Doing that for 20,000 rows on
// every frame that brings a change costs more than the frame has, so when only rows'
// fields changed (none came or went) and none of them moved or left the view, the last
// result is patched in place instead. Anything else is worked out again, in full.
import type { TableRow } from '../../../../shared/model'
import { matches } from '../../../../shared/row-filter'
import type { FilterTerm } from '../../../../shared/row-filter'
import type { Column } from './columns'
import { passesToggles } from './toggles'
import type { Toggles } from './toggles'

export interface VisibleInput {
  readonly rows: readonly TableRow[]
  readonly version: number
  readonly structure: number
  readonly terms: readonly FilterTerm[]
  readonly column: Column
  readonly dir: 1 | -1
  readonly toggles: Toggles
  /** The store's answer: ids changed in place since a version, or null if unknown. */
  readonly changedSince: (version: number) => ReadonlySet<string> | null
  readonly rowOf: (id: string) => TableRow | undefined
}

type Key = string | number

/**
 * Rows equal on the sorted column keep one order, whatever order the snapshot listed them
 * in: by local port, then remote port, then id (stable across polls and refetches).
 */
export function tieBreak(a: TableRow, b: TableRow): number {
  return (
    (a.localPort ?? -1) - (b.localPort ?? -1) ||
    (a.remotePort ?? -1) - (b.remotePort ?? -1) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

export class VisibleRows {
  private last: {
    readonly input: VisibleInput
    readonly rows: TableRow[]
    readonly keys: Key[]
    readonly at: Map<string, number>
  } | null = null
  /** For tests and the benchmark: how many times the result was patched, not rebuilt. */
  patches = 0

  derive(input: VisibleInput): readonly TableRow[] {
    const patched = this.patch(input)
    if (patched) return patched
    const kept = input.rows.filter(
      (r) => passesToggles(r, input.toggles) && matches(r, input.terms)
    )
    // Each row's key is worked out once, not once a comparison (20,000 rows: ~300,000).
    const keyOf = kept.map(input.column.sort)
    const order = kept.map((_, i) => i)
    order.sort((i, j) => {
      const x = keyOf[i]!
      const y = keyOf[j]!
      return (x < y ? -1 : x > y ? 1 : 0) * input.dir || tieBreak(kept[i]!, kept[j]!)
    })
    const rows = order.map((i) => kept[i]!)
    const keys = order.map((i) => keyOf[i]!)
    this.last = { input, rows, keys, at: new Map(rows.map((r, i) => [r.id, i])) }
    return rows
  }

  private patch(input: VisibleInput): readonly TableRow[] | null {
    const last = this.last
    if (
      !last ||
      last.input.structure !== input.structure ||
      last.input.terms !== input.terms ||
      last.input.column !== input.column ||
      last.input.dir !== input.dir ||
      last.input.toggles !== input.toggles
    )
      return null
    if (last.input.version === input.version) return last.rows
    const changed = input.changedSince(last.input.version)
    if (!changed) return null
    const rows = last.rows.slice()
    for (const id of changed) {
      const row = input.rowOf(id)
      if (!row) return null
      const shown = passesToggles(row, input.toggles) && matches(row, input.terms)
      const at = last.at.get(id)
      if (at === undefined) {
        if (shown) return null // it joins the view: its place needs a sort
        continue
      }
      if (!shown || input.column.sort(row) !== last.keys[at]) return null // it leaves or moves
      rows[at] = row
    }
    this.patches++
    this.last = { ...last, input, rows }
    return rows
  }
}
