// What the filter matched, marked in the cells: free words wherever they occur, and each
// keyed term in its own column (port:80 marks ":80" at the end of an address, proc:ng the
// "ng" in the process name). Built once per filter; a cell only runs one regular expression.
import type { ReactNode } from 'react'
import type { FilterTerm } from '../../../../shared/row-filter'

/** The cell's text with what matched wrapped in <mark>; the text alone when nothing did. */
export type Highlighter = (columnKey: string, text: string) => ReactNode

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Each column's patterns for these terms. */
export function patternsFor(terms: readonly FilterTerm[]): Map<string, string[]> {
  const by = new Map<string, string[]>()
  const add = (key: string, pattern: string): void => {
    by.set(key, [...(by.get(key) ?? []), pattern])
  }
  for (const t of terms) {
    switch (t.kind) {
      case 'text':
        add('*', escape(t.value))
        break
      case 'port':
        add('local', `:${t.value}$`)
        add('remote', `:${t.value}$`)
        break
      case 'pid':
        add('pid', `\\b${t.value}\\b`)
        break
      case 'proc':
        add('process', escape(t.value))
        break
      case 'state':
        add('state', `^${escape(t.value)}$`)
        break
      case 'proto':
        add('proto', `^${escape(t.value)}$`)
        break
      case 'mine':
        break
    }
  }
  return by
}

export function highlighterFor(terms: readonly FilterTerm[]): Highlighter | null {
  const patterns = patternsFor(terms)
  if (patterns.size === 0) return null
  const everywhere = patterns.get('*') ?? []
  const regexes = new Map<string, RegExp | null>()
  const regexOf = (key: string): RegExp | null => {
    if (!regexes.has(key)) {
      const all = [...everywhere, ...(patterns.get(key) ?? [])]
      regexes.set(key, all.length > 0 ? new RegExp(`(${all.join('|')})`, 'gi') : null)
    }
    return regexes.get(key)!
  }
  return (key, text) => {
    const re = regexOf(key)
    if (!re) return text
    const parts = text.split(re)
    if (parts.length === 1) return text
    // split() with one capture group puts the matches at the odd places.
    return parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : p || null))
  }
}
