// `socket-inspector table`: the connection table in a terminal, as an aligned table like
// ss/tcpvcon, or one JSON object per row (the SocketRow fields, documented in model.ts).
import type { SocketProtocol, TableSourceId } from '../../shared/model'
import { formatJsonLines, formatTable } from '../../shared/row-format'
import { filterRows } from '../conntable/filter'
import type { RowFilter } from '../conntable/filter'
import { invoke } from '../dispatch'
import type { Inspector } from '../inspector'

export interface TableCliOptions extends RowFilter {
  readonly json?: boolean
  readonly source?: TableSourceId
  readonly watch?: boolean
  readonly intervalMs?: number
}

export const PROTOCOLS: readonly SocketProtocol[] = ['tcp', 'udp', 'unix']

export async function runTable(
  inspector: Inspector,
  opts: TableCliOptions,
  print: (text: string) => void
): Promise<(() => void) | null> {
  if (opts.source) await invoke(inspector, 'table:configure', { source: opts.source })
  const show = async (): Promise<void> => {
    const { rows } = await invoke(inspector, 'table:snapshot')
    const chosen = filterRows(rows, opts)
    print(opts.json ? formatJsonLines(chosen) : formatTable(chosen))
    const { blind } = await invoke(inspector, 'table:status')
    for (const b of blind) print(`note: ${b}`)
  }
  await show()
  if (!opts.watch) return null
  const timer = setInterval(() => void show().catch(() => undefined), opts.intervalMs ?? 1000)
  return () => clearInterval(timer)
}
