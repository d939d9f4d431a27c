// How the process tree sorts: by sockets, listening ports, current rate or total bytes,
// most first; ties by name, then pid, so the order holds still between refreshes. Each
// sort's label is `sort.<key>` in the `processes` namespace.
import type { ProcessNode } from '../../../../shared/process-groups'

export const PROCESS_SORTS = ['sockets', 'listening', 'rate', 'bytes'] as const
export type ProcessSort = (typeof PROCESS_SORTS)[number]

function measure(n: ProcessNode, by: ProcessSort): number {
  switch (by) {
    case 'sockets':
      return n.sockets
    case 'listening':
      return n.listening.length
    case 'rate':
      return (n.inRate ?? 0) + (n.outRate ?? 0)
    case 'bytes':
      return (n.bytesIn ?? 0) + (n.bytesOut ?? 0)
  }
}

export function sortNodes(nodes: readonly ProcessNode[], by: ProcessSort): ProcessNode[] {
  return [...nodes].sort(
    (a, b) => measure(b, by) - measure(a, by) || a.name.localeCompare(b.name) || a.pid - b.pid
  )
}
