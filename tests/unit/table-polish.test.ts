// The Connections table's pure parts: columns as the user set them, the state chips, the
// stable secondary order, what the filter marks, and how numbers and times read.
import { isValidElement } from 'react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import {
  exactBytes,
  formatAgo,
  formatBytes,
  formatCount,
  formatWhen
} from '../../src/renderer/src/components/format'
import { COLUMNS, layoutColumns } from '../../src/renderer/src/views/connections/columns'
import { highlighterFor } from '../../src/renderer/src/views/connections/highlight'
import {
  chipClick,
  DEFAULT_TOGGLES,
  passesToggles,
  stateShown,
  togglesOf
} from '../../src/renderer/src/views/connections/toggles'
import { VisibleRows } from '../../src/renderer/src/views/connections/visible-rows'
import { DEFAULT_CONNECTIONS } from '../../src/shared/connections-settings'
import { parseFilter } from '../../src/shared/row-filter'
import { row } from '../support/table-row'

describe('columns as the user set them', () => {
  const none = { columnOrder: [], columnWidths: {}, hiddenColumns: [] }

  it('start in the default order, the wide ones sharing spare room', () => {
    const l = layoutColumns(none)
    expect(l.columns.map((c) => c.key)).toEqual(COLUMNS.map((c) => c.key))
    expect(l.template.split(' ')[0]).toBe('60px')
    expect(l.template).toContain('minmax(170px, 1.4fr)')
  })

  it('take the order, hidden columns and widths; unknown keys are ignored, new ones appended', () => {
    const l = layoutColumns({
      columnOrder: ['state', 'gone', 'local'],
      columnWidths: { local: 300, state: 5 },
      hiddenColumns: ['fd', 'age']
    })
    const keys = l.columns.map((c) => c.key)
    expect(keys.slice(0, 3)).toEqual(['state', 'local', 'proto'])
    expect(keys).not.toContain('fd')
    expect(keys).not.toContain('age')
    expect(keys).toHaveLength(COLUMNS.length - 2)
    // A width the user set is fixed (no longer grows), and kept within bounds.
    expect(l.template.split(' ').slice(0, 2)).toEqual(['36px', '300px'])
  })

  it('never hide every column', () => {
    const all = layoutColumns({ ...none, hiddenColumns: COLUMNS.map((c) => c.key) })
    expect(all.columns.map((c) => c.key)).toEqual(['local'])
  })
})

describe('state chips', () => {
  const listen = row({ id: 'l', state: 'LISTEN' })
  const estab = row({ id: 'e', state: 'ESTABLISHED', remoteAddress: '127.0.0.1', remotePort: 9 })
  const none = { only: null, hidden: [] }

  it('a click shows only that state, a second click every state again', () => {
    const only = chipClick(none, 'LISTEN', false)
    expect(only).toEqual({ only: 'LISTEN', hidden: [] })
    const t = togglesOf({ ...DEFAULT_CONNECTIONS, states: only })
    expect([listen, estab].map((r) => passesToggles(r, t))).toEqual([true, false])
    expect([stateShown(t, 'LISTEN'), stateShown(t, 'ESTABLISHED')]).toEqual([true, false])
    expect(chipClick(only, 'LISTEN', false)).toEqual(none)
  })

  it('Alt+click hides a state (and ends "only"), again shows it', () => {
    const hidden = chipClick({ only: 'LISTEN', hidden: [] }, 'ESTABLISHED', true)
    expect(hidden).toEqual({ only: null, hidden: ['ESTABLISHED'] })
    const t = togglesOf({ ...DEFAULT_CONNECTIONS, states: hidden })
    expect([listen, estab].map((r) => passesToggles(r, t))).toEqual([true, false])
    expect(chipClick(hidden, 'ESTABLISHED', true)).toEqual(none)
  })
})

describe('sorting', () => {
  it('orders rows equal on the column by local port, remote port, then id, whatever came first', () => {
    const rows = [
      row({ id: 'c', state: 'LISTEN', localPort: 90 }),
      row({ id: 'b', state: 'LISTEN', localPort: 80 }),
      row({ id: 'a', state: 'LISTEN', localPort: 80 }),
      row({ id: 'd', state: 'ESTABLISHED', localPort: 99 })
    ]
    const state = COLUMNS.find((c) => c.key === 'state')!
    const order = (input: typeof rows): string[] =>
      new VisibleRows()
        .derive({
          rows: input,
          version: 1,
          structure: 1,
          terms: [],
          column: state,
          dir: 1,
          toggles: DEFAULT_TOGGLES,
          changedSince: () => null,
          rowOf: () => undefined
        })
        .map((r) => r.id)
    expect(order(rows)).toEqual(['d', 'a', 'b', 'c'])
    expect(order([...rows].reverse())).toEqual(['d', 'a', 'b', 'c'])
  })
})

describe('what the filter marks', () => {
  /** The cell as text, with marked parts in [brackets]. */
  const shown = (node: ReactNode): string =>
    Array.isArray(node)
      ? node.map(shown).join('')
      : isValidElement<{ children: string }>(node)
        ? `[${node.props.children}]`
        : String(node ?? '')

  it('marks free words in every column and keyed terms in their own', () => {
    const h = highlighterFor(parseFilter('127 port:80 proc:ng state:listen'))!
    expect(shown(h('local', '127.0.0.1:80'))).toBe('[127].0.0.1[:80]')
    expect(shown(h('remote', '127.0.0.1:8080'))).toBe('[127].0.0.1:8080')
    expect(shown(h('process', 'nginx'))).toBe('[ng]inx')
    expect(shown(h('state', 'LISTEN'))).toBe('[LISTEN]')
    expect(shown(h('proto', 'tcp'))).toBe('tcp')
  })

  it('marks nothing without a filter, and reads regex characters as text', () => {
    expect(highlighterFor(parseFilter(''))).toBeNull()
    const h = highlighterFor(parseFilter('[::1]:80'))!
    expect(shown(h('local', '[::1]:80'))).toBe('[[::1]:80]')
    expect(shown(h('local', 'x::1x'))).toBe('x::1x')
  })
})

describe('numbers and times', () => {
  it('counts with thousands separators; bytes short, with the exact figure apart', () => {
    expect(formatCount(1_234_567)).toBe('1,234,567')
    expect(formatCount(null)).toBe('—')
    expect(formatBytes(1000)).toBe('1,000 B')
    expect(formatBytes(5000)).toBe('4.9 KiB')
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GiB')
    expect(exactBytes(5000)).toBe('5,000 bytes')
    expect(exactBytes(1)).toBe('1 byte')
  })

  it('one time format: 24-hour clock and how long ago', () => {
    const at = new Date(2026, 10, 30, 21, 5, 9).getTime()
    expect(formatAgo(at, at + 400)).toBe('just now')
    expect(formatAgo(at, at + 12_000)).toBe('12 s ago')
    expect(formatWhen(at, at + 185_000)).toBe('21:05:09 (3 min 5 s ago)')
    expect(formatWhen(at, at + 86_400_000)).toBe('2026-11-30 21:05:09 (24 h 0 min ago)')
  })
})
