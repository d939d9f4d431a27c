// The table's derived rows: patched in place when only fields changed, rebuilt otherwise.
import { describe, expect, it } from 'vitest'
import { COLUMNS } from '../../src/renderer/src/views/connections/columns'
import { DEFAULT_TOGGLES } from '../../src/renderer/src/views/connections/toggles'
import { VisibleRows } from '../../src/renderer/src/views/connections/visible-rows'
import type { VisibleInput } from '../../src/renderer/src/views/connections/visible-rows'
import type { TableRow } from '../../src/shared/model'
import { parseFilter } from '../../src/shared/row-filter'
import { row } from '../support/table-row'

const local = COLUMNS.find((c) => c.key === 'local')!
const sendq = COLUMNS.find((c) => c.key === 'sendq')!

function world(rows: TableRow[]): {
  input: (over?: Partial<VisibleInput>) => VisibleInput
  change: (r: TableRow) => void
} {
  const byId = new Map(rows.map((r) => [r.id, r]))
  let version = 1
  const log: Array<[number, string]> = []
  const terms = parseFilter('')
  return {
    input: (over = {}) => ({
      rows: [...byId.values()],
      version,
      structure: 1,
      terms,
      column: local,
      dir: 1,
      toggles: DEFAULT_TOGGLES,
      changedSince: (v) => new Set(log.filter(([at]) => at > v).map(([, id]) => id)),
      rowOf: (id) => byId.get(id),
      ...over
    }),
    change: (r) => {
      byId.set(r.id, r)
      log.push([++version, r.id])
    }
  }
}

describe('VisibleRows', () => {
  const rows = [
    row({ id: 'a', localPort: 30, sendQueue: 0 }),
    row({ id: 'b', localPort: 10, sendQueue: 5 }),
    row({ id: 'c', localPort: 20, state: 'ESTABLISHED', sendQueue: 9 })
  ]

  it('patches a changed row in place when its sort key and visibility hold', () => {
    const w = world(rows)
    const v = new VisibleRows()
    expect(v.derive(w.input()).map((r) => r.id)).toEqual(['b', 'c', 'a'])
    const c2 = row({ ...rows[2]!, sendQueue: 100 })
    w.change(c2)
    const next = v.derive(w.input())
    expect(next.map((r) => r.id)).toEqual(['b', 'c', 'a'])
    expect(next[1]).toBe(c2)
    expect(v.patches).toBe(1)
  })

  it('rebuilds when a change moves a row, when rows come or go, or the sort changes', () => {
    const w = world(rows)
    const v = new VisibleRows()
    v.derive(w.input({ column: sendq }))
    w.change(row({ ...rows[0]!, sendQueue: 50 })) // a: 0 → 50, now last by Send-Q
    expect(v.derive(w.input({ column: sendq })).map((r) => r.id)).toEqual(['b', 'c', 'a'])
    expect(v.patches).toBe(0)
    expect(v.derive(w.input({ column: sendq, structure: 2 })).map((r) => r.id)).toEqual([
      'b',
      'c',
      'a'
    ])
    expect(v.derive(w.input({ column: sendq, dir: -1 })).map((r) => r.id)).toEqual(['a', 'c', 'b'])
    expect(v.patches).toBe(0)
  })

  it('rebuilds when a changed row enters or leaves the filtered view; a hidden one stays hidden', () => {
    const w = world(rows)
    const v = new VisibleRows()
    const listen = parseFilter('state:listen')
    expect(v.derive(w.input({ terms: listen })).map((r) => r.id)).toEqual(['b', 'a'])
    w.change(row({ ...rows[2]!, sendQueue: 1 })) // c is ESTABLISHED: hidden, and stays so
    expect(v.derive(w.input({ terms: listen })).map((r) => r.id)).toEqual(['b', 'a'])
    expect(v.patches).toBe(1)
    w.change(row({ ...rows[2]!, state: 'LISTEN' })) // c joins
    expect(v.derive(w.input({ terms: listen })).map((r) => r.id)).toEqual(['b', 'c', 'a'])
    expect(v.patches).toBe(1)
  })
})
