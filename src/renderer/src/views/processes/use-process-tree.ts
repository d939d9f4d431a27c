// The process tree, asked of the core (process:tree) once a second while a view shows it:
// the core groups the live table, names each process from /proc, and keeps the rates.
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
    const refresh = async (): Promise<void> => {
      try {
        const nodes = await api['process:tree'](filter, [...expanded])
        if (live) setAnswer({ nodes, loaded: true, error: null })
      } catch (err) {
        if (live)
          setAnswer((a) => ({ ...a, error: err instanceof Error ? err.message : String(err) }))
      }
      // One refresh at a time: the next is asked for once this one is in.
      if (live) timer = setTimeout(() => void refresh(), TREE_REFRESH_MS)
    }
    void refresh()
    return () => {
      live = false
      if (timer) clearTimeout(timer)
    }
  }, [api, filter, expanded])
  return answer
}
