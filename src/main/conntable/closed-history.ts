// Closed sockets kept for the rest of the run (when the user turns it on): each with its
// whole life cycle, owners and last TCP_INFO byte counts, as it was when it vanished.
// Bounded by count and by an estimate of memory; the oldest go first, and how many went
// is counted. The table hands over rows whose grace period ended; a kept row gets a new
// id, so a new socket that reuses the inode or the 5-tuple starts a row of its own.
import type { HistoryStatus } from '../../shared/insight-model'
import type { TableRow } from '../../shared/model'

export const HISTORY_MAX_ROWS = 10_000
export const HISTORY_MAX_BYTES = 8 * 1024 * 1024
/** A TableRow's rough size in memory, and what each life-cycle step and owner adds. */
const ROW_BYTES = 600
const STEP_BYTES = 64
const OWNER_BYTES = 96
/** Kept rows' ids start with this, so every face can tell them from live rows. */
export const CLOSED_ID_PREFIX = 'closed:'

export function estimateBytes(row: TableRow): number {
  return (
    ROW_BYTES +
    row.history.length * STEP_BYTES +
    row.owners.length * OWNER_BYTES +
    2 * (row.localAddress.length + (row.remoteAddress?.length ?? 0))
  )
}

export class ClosedHistory {
  private enabled = false
  /** In the order kept: the first is the oldest. */
  private readonly kept = new Map<string, { row: TableRow; bytes: number }>()
  private bytes = 0
  private dropped = 0
  private serial = 0
  /** Ids let go of since the table last asked. */
  private evicted: string[] = []

  constructor(
    private readonly maxRows = HISTORY_MAX_ROWS,
    private readonly maxBytes = HISTORY_MAX_BYTES
  ) {}

  setEnabled(on: boolean): HistoryStatus {
    this.enabled = on
    if (!on) {
      this.evicted.push(...this.kept.keys())
      this.kept.clear()
      this.bytes = 0
    }
    return this.status()
  }

  status(): HistoryStatus {
    return {
      enabled: this.enabled,
      kept: this.kept.size,
      bytes: this.bytes,
      dropped: this.dropped,
      maxRows: this.maxRows,
      maxBytes: this.maxBytes
    }
  }

  rows(): TableRow[] {
    return [...this.kept.values()].map((k) => k.row)
  }

  /** Takes the rows whose grace ended; returns the kept copies (new ids) to add. */
  keep(gone: readonly TableRow[]): TableRow[] {
    if (!this.enabled || gone.length === 0) return []
    const added: TableRow[] = []
    for (const row of gone) {
      const kept: TableRow = { ...row, id: `${CLOSED_ID_PREFIX}${++this.serial}:${row.id}` }
      const bytes = estimateBytes(kept)
      this.kept.set(kept.id, { row: kept, bytes })
      this.bytes += bytes
      added.push(kept)
    }
    while (this.kept.size > this.maxRows || this.bytes > this.maxBytes) {
      const [id, oldest] = this.kept.entries().next().value!
      this.kept.delete(id)
      this.bytes -= oldest.bytes
      this.dropped++
      this.evicted.push(id)
    }
    // A row kept and let go of in one poll was never sent: send neither.
    const sent = added.filter((r) => this.kept.has(r.id))
    const unsent = new Set(added.map((r) => r.id))
    this.evicted = this.evicted.filter((id) => !unsent.has(id) || this.kept.has(id))
    return sent
  }

  /** The ids to remove from the table's faces since the last call. */
  takeEvicted(): string[] {
    const ids = this.evicted
    this.evicted = []
    return ids
  }
}
