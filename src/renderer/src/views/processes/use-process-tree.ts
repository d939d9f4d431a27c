// The process tree, asked of the core (process:tree) once a second while a view shows it:
// the core groups the live table, names each process from /proc, and keeps the rates. A
// gap in the table's diffs means a new picture (a resync, or a replay's scrubber moved):
// the tree is asked for at once rather than up to a second later. The first diff the view
// sees counts as one, since what came before it is unknown.
import { useEffect, useState } from 'react'
import type { InspectorApi } from '../../../../shared/contract'
import type { ProcessNode } from '../../../../shared/process-groups'

/** How often the tree is refreshed; the rates are per second either way. */
export const TREE_REFRESH_MS = 1_000

export interface TreeAnswer {
  readonly nodes: readonly ProcessNode[]
  readonly loaded: boolean
  /** Why the last refresh failed, when it did. */
  readonly error: string | null
}

/** The tree for a filter; `expanded` processes come with their sockets' ids. */
export function useProcessTree(
  api: InspectorApi,
  filter: string,
  expanded: ReadonlySet<number>
): TreeAnswer {
  const [answer, setAnswer] = useState<TreeAnswer>({ nodes: [], loaded: false, error: null })
  useEffect(() => {
    let live = true
    let timer: ReturnType<typeof setTimeout> | null = null
    let asking = false
    let again = false
    let seq: number | null = null
    const refresh = async (): Promise<void> => {
      if (timer) clearTimeout(timer)
      timer = null
      if (asking) {
        again = true
        return
      }
      asking = true
      try {
        const nodes = await api['process:tree'](filter, [...expanded])
        if (live) setAnswer({ nodes, loaded: true, error: null })
      } catch (err) {
        if (live)
          setAnswer((a) => ({ ...a, error: err instanceof Error ? err.message : String(err) }))
      }
      asking = false
      // One refresh at a time: the next is asked for once this one is in.
      if (!live) return
      if (again) {
        again = false
        void refresh()
      } else timer = setTimeout(() => void refresh(), TREE_REFRESH_MS)
    }
    const off = api.on('table:diff', (diff) => {
      const gap = seq === null || diff.seq !== seq + 1
      seq = diff.seq
      if (gap) void refresh()
    })
    void refresh()
    return () => {
      live = false
      off()
      if (timer) clearTimeout(timer)
    }
  }, [api, filter, expanded])
  return answer
}
