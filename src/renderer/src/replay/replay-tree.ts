// The Processes view's tree in a replay: the recorded table at the scrubber's time, grouped
// by process exactly as the live core groups it (shared process-nodes). A recording keeps
// each socket's owner (pid, name, fd) but not who the process was (user, command line,
// parents): those read as unknown. Rates are the bytes each process moved between the
// recorded poll before this one and this one, so a paused scrubber shows steady figures.
import type { TableRow } from '../../../shared/model'
import { groupByProcess, ProcessRates } from '../../../shared/process-groups'
import type { ProcessNode } from '../../../shared/process-groups'
import { processNode, treeRows } from '../../../shared/process-nodes'
import type { RecordingPlayer } from '../../../shared/recording'
import type { ServiceNames } from '../../../shared/service-names'

/** The last poll strictly before `at` in ascending `times`, or null. */
export function pollBefore(times: readonly number[], at: number): number | null {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (times[mid]! < at) lo = mid + 1
    else hi = mid
  }
  return lo > 0 ? times[lo - 1]! : null
}

export class ReplayTree {
  /** The last answer's rates, kept while the scrubber and the filter stay put. */
  private cached: { at: number; filter: string; rates: ProcessRates } | null = null

  constructor(private readonly player: RecordingPlayer) {}

  /** The tree of `rows`, the table recorded at `at` (a poll's time). */
  tree(
    rows: readonly TableRow[],
    at: number,
    filter: string,
    expand: readonly number[],
    services: ServiceNames | undefined
  ): ProcessNode[] {
    const live = treeRows(rows, filter, services)
    const rates = this.ratesAt(live, at, filter, services)
    const open = new Set(expand)
    return groupByProcess(live).map((g) => processNode(g, null, rates, open.has(g.pid)))
  }

  private ratesAt(
    live: readonly TableRow[],
    at: number,
    filter: string,
    services: ServiceNames | undefined
  ): ProcessRates {
    const c = this.cached
    if (c && c.at === at && c.filter === filter) return c.rates
    const rates = new ProcessRates()
    const before = pollBefore(this.player.times, at)
    if (before !== null) {
      // The player seeks back to the earlier poll and forward again: one poll's diffs.
      rates.sample(treeRows(this.player.frameAt(before).table.rows, filter, services), before)
      this.player.frameAt(at)
      rates.sample(live, at)
    }
    this.cached = { at, filter, rates }
    return rates
  }
}
