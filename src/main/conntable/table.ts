// The live connection table: polls a source while someone listens, diffs each poll against
// the last, keeps every socket's state history, and holds vanished sockets as closing for a
// grace period so the eye can follow them.
import { InspectorFailure } from '../../shared/errors'
import { POLL_RATE_HZ } from '../../shared/limits'
import type {
  SocketRow,
  StateChange,
  TableDiff,
  TableOptions,
  TableRow,
  TableSnapshot,
  TableSourceId,
  TableStatus
} from '../../shared/model'
import { VANISHED_STATE } from '../../shared/model'
import { NETLINK_UNAVAILABLE } from './netlink-source'
import { SAID_IDS, worded } from '../../shared/said'
import type { Said, Worded } from '../../shared/said'
import type { ClosedHistory } from './closed-history'
import { leftByOf, NOT_OURS, rekeyRows, tableRow, tupleKey, unchanged } from './table-row'
import type { SourceEntry } from './platform-sources'
import type { SourceRead, TableSource } from './source'

const TABLE_RATE_HZ = POLL_RATE_HZ
export const CLOSING_GRACE_MS = 10_000
/**
 * After a source switch, the table's seq jumps by this much, so every subscriber sees a gap
 * and fetches a fresh snapshot (with the new source's name), however it applied diffs.
 */
const RESYNC_SEQ_STEP = 2

export { NOT_OURS }

/** Which of the app's own sessions and servers a kernel row belongs to. */
export type OwnershipLookup = (row: SocketRow) => {
  sessionId: string | null
  listenerId: string | null
}

export interface ConnTableOptions {
  /** Every source this platform has (platform-sources.ts): nothing else can be chosen. */
  readonly sources: readonly SourceEntry[]
  readonly defaultSource: TableSourceId
  /** Taken, once and for good, if the default source cannot run on this machine. */
  readonly fallbackSource?: TableSourceId
  readonly emit: (diff: TableDiff) => void
  /** Called once a poll: the app's sockets change between polls, not within one. */
  readonly ownership?: () => OwnershipLookup
  readonly now?: () => number
  /** Keeps closed sockets past their grace period, when the user turns it on. */
  readonly history?: ClosedHistory
}

/** A socket as a table's first poll shows it: seen now, its history one state long. */
export function firstSeenRow(raw: SocketRow, now: number): TableRow {
  return tableRow(raw, raw.id, now, [{ state: raw.state, since: now }], NOT_OURS)
}

export class ConnTable {
  private rows = new Map<string, TableRow>()
  /** A TIME_WAIT row (no inode) keeps the id of the socket it was. */
  private readonly aliases = new Map<string, string>()
  private seq = 0
  private sourceId: TableSourceId
  private source: TableSource
  private rateHz: number = TABLE_RATE_HZ.default
  private graceMs = CLOSING_GRACE_MS
  private timer: NodeJS.Timeout | null = null
  private inFlight: Promise<TableDiff> | null = null
  /** The poll that starts when the one in flight ends (see poll()). */
  private queued: Promise<TableDiff> | null = null
  private lastPollMs: number | null = null
  private blind: readonly string[] = []
  private blindSaid: Readonly<Record<string, Said>> = {}
  private health: TableStatus['health'] = 'ok'
  private readonly now: () => number

  constructor(private readonly options: ConnTableOptions) {
    this.sourceId = options.defaultSource
    this.source = this.make(options.defaultSource)
    this.now = options.now ?? Date.now
  }

  /** Starts polling (the first table:diff listener). */
  start(): void {
    if (this.timer) return
    const tick = (): void => {
      // A tick while a poll still runs lets that poll stand for it.
      void (this.inFlight ?? this.begin()).catch(() => undefined)
      this.timer = setTimeout(tick, 1000 / this.rateHz)
      this.timer.unref()
    }
    tick()
  }

  /** Stops polling (the last listener left). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  async snapshot(): Promise<TableSnapshot> {
    if (this.seq === 0 || !this.timer) await this.poll()
    const rows = [...this.rows.values()]
    const closed = this.options.history?.rows() ?? []
    return {
      seq: this.seq,
      at: this.now(),
      source: this.sourceId,
      rows: closed.length > 0 ? [...rows, ...closed] : rows
    }
  }

  status(): TableStatus {
    return {
      source: this.sourceId,
      health: this.health,
      blind: this.blind,
      blindSaid: this.blindSaid,
      rows: this.rows.size,
      pollMs: this.lastPollMs,
      rateHz: this.rateHz,
      polling: this.timer !== null,
      seq: this.seq
    }
  }

  /**
   * Changes the rate, the grace period or the source. A new source must be one this
   * platform has, must be able to run here and must read once before it replaces the old
   * one; else the command fails with why, and the table keeps its source.
   */
  async configure(options: TableOptions): Promise<TableStatus> {
    if (options.source !== undefined && options.source !== this.sourceId) {
      await this.switchTo(options.source)
    }
    if (options.rateHz !== undefined) this.rateHz = options.rateHz
    if (options.graceMs !== undefined) this.graceMs = options.graceMs
    return this.status()
  }

  /**
   * One poll: read, diff, emit. What it returns is never older than the call: a call while
   * a poll runs gets the next one, started when that ends and shared by every caller
   * meanwhile. Two reads never overlap (a source owns one receive buffer).
   */
  poll(): Promise<TableDiff> {
    if (!this.inFlight) return this.begin()
    this.queued ??= this.inFlight
      .then(
        () => undefined,
        () => undefined
      )
      .then(() => {
        this.queued = null
        return this.inFlight ?? this.begin()
      })
    return this.queued
  }

  private begin(): Promise<TableDiff> {
    this.inFlight = this.pollOnce().finally(() => (this.inFlight = null))
    return this.inFlight
  }

  private entry(id: TableSourceId): SourceEntry {
    const entry = this.options.sources.find((s) => s.id === id)
    if (!entry) {
      const ids = this.options.sources.map((s) => s.id).join(', ')
      throw new InspectorFailure(
        'ENOSOURCE',
        `This system has no ${id} source; it has ${ids}.`,
        'Pick one of those.'
      )
    }
    return entry
  }

  private make(id: TableSourceId): TableSource {
    return this.entry(id).make()
  }

  private async switchTo(id: TableSourceId): Promise<void> {
    const entry = this.entry(id)
    const found = await entry.detect()
    if (!found.available) {
      throw new InspectorFailure(
        'ENOSOURCE',
        `The ${id} source cannot run here: ${found.detail}.`,
        `The table keeps reading from ${this.sourceId}.`
      )
    }
    const source = entry.make()
    // Let a poll of the old source (or another switch) finish first, so its diff is not
    // emitted after ours; then claim inFlight in the same tick, before a timer can.
    while (this.inFlight) await this.inFlight.catch(() => undefined)
    const switched = (async (): Promise<TableDiff> => {
      const started = performance.now()
      let read: SourceRead
      try {
        read = await source.read()
      } catch (err) {
        throw new InspectorFailure(
          'ESOURCE',
          `The ${id} source could not read the table: ${err instanceof Error ? err.message : String(err)}`,
          `The table keeps reading from ${this.sourceId}.`
        )
      }
      this.source = source
      this.sourceId = id
      return this.publish(read, started, null, true)
    })()
    this.inFlight = switched.finally(() => (this.inFlight = null))
    await this.inFlight
  }

  private async pollOnce(): Promise<TableDiff> {
    const started = performance.now()
    let read
    let fellBack: Worded | null = null
    try {
      read = await this.source.read()
    } catch (err) {
      const fallback = this.options.fallbackSource
      if (
        err instanceof InspectorFailure &&
        err.code === NETLINK_UNAVAILABLE &&
        fallback &&
        fallback !== this.sourceId
      ) {
        // Said beside the English, so the status bar and port view say it in the UI's language.
        const why = err.params?.['why'] ?? err.message
        fellBack = worded(SAID_IDS.noteNetlinkUnavailable, { why }, err.message)
        this.source = this.make(fallback)
        this.sourceId = fallback
        read = await this.source.read()
      } else {
        this.health = 'failed'
        this.blind = [err instanceof Error ? err.message : String(err)]
        this.blindSaid = {}
        throw err
      }
    }
    return this.publish(read, started, fellBack, false)
  }

  private publish(
    read: SourceRead,
    started: number,
    fellBack: Worded | null,
    switched: boolean
  ): TableDiff {
    this.lastPollMs = performance.now() - started
    this.blind = fellBack ? [fellBack.text, ...read.blind] : read.blind
    this.blindSaid = fellBack
      ? { [fellBack.text]: fellBack.said, ...read.blindSaid }
      : (read.blindSaid ?? {})
    this.health = this.blind.length > 0 ? 'degraded' : 'ok'
    const removed = switched ? rekeyRows(this.rows, this.aliases, read.rows) : []
    if (switched) this.seq += RESYNC_SEQ_STEP - 1
    const diff = this.apply(read.rows, removed)
    this.options.emit(diff)
    return diff
  }

  private apply(incoming: readonly SocketRow[], removed: string[] = []): TableDiff {
    const now = this.now()
    const ownership = this.options.ownership?.()
    const added: TableRow[] = []
    const changedRows: TableRow[] = []
    const seen = new Set<string>()
    const take = (raw: SocketRow, id: string): void => {
      if (seen.has(id)) return
      seen.add(id)
      const prev = this.rows.get(id)
      const mine = ownership?.(raw) ?? NOT_OURS
      if (prev && unchanged(prev, raw, mine)) return
      // A vanished socket seen again (as TIME_WAIT, found by its 5-tuple) had not closed:
      // its history drops the vanished step.
      const past = prev?.closingSince != null ? prev.history.slice(0, -1) : prev?.history
      const history: readonly StateChange[] =
        prev && prev.state === raw.state && prev.closingSince === null
          ? prev.history
          : [...(past ?? []), { state: raw.state, since: now }]
      const next = tableRow(
        raw,
        id,
        prev?.firstSeen ?? now,
        history,
        mine,
        leftByOf(prev, raw, now)
      )
      this.rows.set(id, next)
      if (prev) changedRows.push(next)
      else added.push(next)
    }
    // A new row without an inode (TIME_WAIT) may be a socket that just vanished under its
    // inode: those are matched by 5-tuple once every other row is seen.
    const deferred: SocketRow[] = []
    for (const raw of incoming) {
      const id = this.aliases.get(raw.id) ?? raw.id
      if (raw.inode === null && !this.rows.has(id)) deferred.push(raw)
      else take(raw, id)
    }
    if (deferred.length > 0) {
      const vanishing = new Map<string, TableRow>()
      for (const row of this.rows.values()) {
        if (row.inode !== null && !seen.has(row.id)) vanishing.set(tupleKey(row), row)
      }
      for (const raw of deferred) {
        const was = vanishing.get(tupleKey(raw))
        if (was) {
          this.aliases.set(raw.id, was.id)
          vanishing.delete(tupleKey(raw))
        }
        take(raw, was?.id ?? raw.id)
      }
    }

    const gone: TableRow[] = []
    for (const [id, row] of this.rows) {
      if (seen.has(id)) continue
      if (row.closingSince === null) {
        // Gone from the OS: no state, owner or queue of its is true any more.
        const closing: TableRow = {
          ...row,
          state: VANISHED_STATE,
          owners: [],
          sendQueue: null,
          recvQueue: null,
          timer: null,
          // Who held it last stays known (the closed-socket history keeps it).
          leftBy: row.owners.length > 0 ? { owners: row.owners, at: now } : (row.leftBy ?? null),
          closingSince: now,
          history: [...row.history, { state: VANISHED_STATE, since: now }]
        }
        this.rows.set(id, closing)
        changedRows.push(closing)
      } else if (now - row.closingSince >= this.graceMs) {
        this.rows.delete(id)
        removed.push(id)
        gone.push(row)
        for (const [alias, target] of this.aliases) if (target === id) this.aliases.delete(alias)
      }
    }
    const history = this.options.history
    if (history) {
      added.push(...history.keep(gone))
      removed.push(...history.takeEvicted())
    }
    return { seq: ++this.seq, at: now, added, changed: changedRows, removed }
  }
}
