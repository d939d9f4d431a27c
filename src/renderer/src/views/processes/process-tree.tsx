// The tree: processes, each expandable to its sockets. A keyboard tree as WAI-ARIA
// describes it: ↑/↓ move, → expands (or steps into), ← collapses (or steps out), Enter or
// Space toggles a process or opens a socket's details in Connections, Home/End jump.
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KeyboardEvent, ReactElement } from 'react'
import type { ProcessNode } from '../../../../shared/process-groups'
import type { TableStore } from '../../store/table-store'
import { localText, remoteText } from '../connections/endpoint-names'
import { ProcessSummary } from './process-summary'
import { sortNodes } from './sort'
import type { ProcessSort } from './sort'
import type { TreeAnswer } from './use-process-tree'

/** The open/closed mark of a process (hidden from screen readers: aria-expanded says it). */
const twisty = (open: boolean): string => (open ? '\u25be' : '\u25b8')

/** Sockets listed under one expanded process; the rest are counted (narrow the filter). */
export const SOCKETS_SHOWN = 200

export interface ProcessTreeProps {
  /** The core's answer (useProcessTree), refreshed once a second. */
  readonly tree: TreeAnswer
  readonly table: TableStore
  readonly sort: ProcessSort
  readonly expanded: ReadonlySet<number>
  readonly onExpanded: (next: ReadonlySet<number>) => void
  readonly onOpenSocket: (rowId: string) => void
}

type Item =
  | { readonly kind: 'process'; readonly node: ProcessNode; readonly key: string }
  | {
      readonly kind: 'socket'
      readonly node: ProcessNode
      readonly rowId: string
      readonly key: string
    }
  | {
      readonly kind: 'more'
      readonly node: ProcessNode
      readonly hidden: number
      readonly key: string
    }

function flatten(nodes: readonly ProcessNode[], expanded: ReadonlySet<number>): Item[] {
  const items: Item[] = []
  for (const node of nodes) {
    items.push({ kind: 'process', node, key: `p${node.pid}` })
    if (!expanded.has(node.pid)) continue
    for (const rowId of node.rowIds.slice(0, SOCKETS_SHOWN))
      items.push({ kind: 'socket', node, rowId, key: `s${node.pid}:${rowId}` })
    if (node.rowIds.length > SOCKETS_SHOWN)
      items.push({
        kind: 'more',
        node,
        hidden: node.rowIds.length - SOCKETS_SHOWN,
        key: `m${node.pid}`
      })
  }
  return items
}

export function ProcessTree(props: ProcessTreeProps): ReactElement {
  const { tree, table, sort, expanded, onExpanded, onOpenSocket } = props
  const { nodes, loaded, error } = tree
  const { t } = useTranslation('processes')
  const sorted = useMemo(() => sortNodes(nodes, sort), [nodes, sort])
  const items = useMemo(() => flatten(sorted, expanded), [sorted, expanded])
  const [focusKey, setFocusKey] = useState<string | null>(null)
  const list = useRef<HTMLUListElement>(null)
  const focusIndex = Math.max(
    0,
    items.findIndex((i) => i.key === focusKey)
  )

  const toggle = (pid: number, open?: boolean): void => {
    const next = new Set(expanded)
    if (open ?? !next.has(pid)) next.add(pid)
    else next.delete(pid)
    onExpanded(next)
  }
  const moveTo = (index: number): void => {
    const item = items[Math.min(items.length - 1, Math.max(0, index))]
    if (!item) return
    setFocusKey(item.key)
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLElement>(`[data-key="${item.key}"]`)?.focus()
    )
  }
  const activate = (item: Item): void => {
    if (item.kind === 'process') toggle(item.node.pid)
    else if (item.kind === 'socket') onOpenSocket(item.rowId)
  }

  const onKey = (e: KeyboardEvent): void => {
    const item = items[focusIndex]
    if (!item) return
    const parentIndex = items.findIndex((i) => i.kind === 'process' && i.node === item.node)
    const handled: Record<string, () => void> = {
      ArrowDown: () => moveTo(focusIndex + 1),
      ArrowUp: () => moveTo(focusIndex - 1),
      Home: () => moveTo(0),
      End: () => moveTo(items.length - 1),
      ArrowRight: () =>
        item.kind === 'process' && !expanded.has(item.node.pid)
          ? toggle(item.node.pid, true)
          : moveTo(focusIndex + 1),
      ArrowLeft: () =>
        item.kind === 'process' ? toggle(item.node.pid, false) : moveTo(parentIndex),
      Enter: () => activate(item),
      ' ': () => activate(item)
    }
    const action = handled[e.key]
    if (!action) return
    e.preventDefault()
    e.stopPropagation() // Space here is not the table's pause
    action()
  }

  if (error && !loaded) return <p className="error-note">{t('tree.unreadable', { error })}</p>
  if (loaded && nodes.length === 0) return <p className="empty muted">{t('tree.empty')}</p>

  return (
    <ul
      className="process-tree"
      role="tree"
      aria-label={t('tree.aria')}
      ref={list}
      onKeyDown={onKey}
    >
      {items.map((item, index) => {
        const common = {
          key: item.key,
          'data-key': item.key,
          tabIndex: index === focusIndex ? 0 : -1,
          onFocus: () => setFocusKey(item.key)
        }
        if (item.kind === 'process') {
          const open = expanded.has(item.node.pid)
          return (
            <li
              {...common}
              role="treeitem"
              aria-level={1}
              aria-expanded={open}
              aria-label={t('tree.processAria', { name: item.node.name, pid: item.node.pid })}
              className="process-item"
              onClick={() => {
                setFocusKey(item.key)
                toggle(item.node.pid)
              }}
            >
              <span className="twisty" aria-hidden="true">
                {twisty(open)}
              </span>
              <ProcessSummary node={item.node} />
            </li>
          )
        }
        if (item.kind === 'more')
          return (
            <li {...common} role="treeitem" aria-level={2} className="socket-item muted">
              {t('tree.more', { n: item.hidden, pid: item.node.pid })}
            </li>
          )
        const row = table.row(item.rowId)
        return (
          <li
            {...common}
            role="treeitem"
            aria-level={2}
            className="socket-item"
            data-closing={row?.closingSince != null ? 'true' : undefined}
            title={t('tree.openTitle')}
            onClick={() => onOpenSocket(item.rowId)}
          >
            {row ? (
              <>
                <span className="socket-proto">{row.protocol}</span>
                <span className="socket-state">{row.state ?? '—'}</span>
                <span>{localText(row)}</span>
                <span className="muted">→</span>
                <span>{remoteText(row)}</span>
              </>
            ) : (
              <span className="muted">{t('tree.gone', { id: item.rowId })}</span>
            )}
          </li>
        )
      })}
    </ul>
  )
}
