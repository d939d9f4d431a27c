// `socket-inspector table`: the connection table in a terminal, as an aligned table like
// ss/tcpvcon, or one JSON object per row (the SocketRow fields, documented in model.ts).
import type { SocketRow, TableSourceId } from '../../shared/model'
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
  /** Where settings.json lives (null: in memory only). */
  readonly configDir?: string | null
}

export { PROTOCOLS } from './table-options'

/** Runs the command in this process; returns what stops a --watch, or null when done. */
/** The sources named are this system's, from the one registry app:info and table:configure read. */
async function checkSource(source: string): Promise<void> {
  const [{ platformSources }, { InspectorFailure }] = await Promise.all([
    import('../conntable/platform-sources'),
    import('../../shared/errors')
  ])
  const ids = platformSources().sources.map((s) => s.id)
  if (!(ids as readonly string[]).includes(source)) {
    throw new InspectorFailure(
      'EINVAL',
      `"${source}" is not a table source here: this system's sources are ${ids.join(', ')}.`,
      'Leave --source out to use the default.'
    )
  }
}

export async function runTableCommand(
  opts: TableCliOptions
): Promise<(() => Promise<void>) | null> {
  const print = (text: string): void => console.log(text)
  if (opts.source !== undefined) await checkSource(opts.source)
  if (await streamJson(opts, print)) return null
  const { Inspector } = await import('../inspector')
  const inspector = new Inspector({ shell: 'cli', configDir: opts.configDir ?? null })
  const stop = await runTable(inspector, opts, print)
  if (!stop) {
    await inspector.close()
    return null
  }
  return async () => {
    stop()
    await inspector.close()
  }
}

/**
 * A one-shot `--json` from netlink (Linux's default) is written as the dump is read, a
 * recv() at a time, instead of building the whole table first: at 20,000 sockets that was
 * most of the command's time and memory (issue 14). Rows and fields are those of the
 * table's first poll. False when this run is not such a case or netlink cannot run here
 * (the caller then takes the table's usual path, which falls back to procfs and says so).
 */
/** Writes to stdout; when its buffer is full, resolves once it has drained (so the dump waits). */
function write(text: string): Promise<void> | undefined {
  if (process.stdout.write(text)) return undefined
  return new Promise((resolve) => process.stdout.once('drain', resolve))
}

async function streamJson(opts: TableCliOptions, print: (text: string) => void): Promise<boolean> {
  const source = opts.source ?? (process.platform === 'linux' ? 'netlink' : null)
  if (!opts.json || opts.watch || source !== 'netlink') return false
  const [{ NetlinkSource, NETLINK_UNAVAILABLE }, { firstSeenRow }, { InspectorFailure }] =
    await Promise.all([
      import('../conntable/netlink-source'),
      import('../conntable/table'),
      import('../../shared/errors')
    ])
  const now = Date.now()
  let blind: readonly string[]
  let printed = false
  try {
    blind = await new NetlinkSource().stream((rows: readonly SocketRow[]) => {
      const chosen = filterRows(rows, opts)
      if (chosen.length === 0) return
      printed = true
      return write(`${formatJsonLines(chosen.map((r) => firstSeenRow(r, now)))}\n`)
    })
  } catch (err) {
    const fellOver = err instanceof InspectorFailure && err.code === NETLINK_UNAVAILABLE
    if (fellOver && !printed) return false
    throw err
  }
  for (const b of blind) print(`note: ${b}`)
  return true
}

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
