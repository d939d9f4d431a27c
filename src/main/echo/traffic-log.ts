// Every session's bytes, timestamped, within bounds: each session keeps at most
// perSessionBytes and all sessions together at most totalBytes. Past a bound the oldest
// chunks go first, and the bytes let go are counted so the UI can say what is missing.
// Chunks are held by reference, not copied: copying every echoed chunk into a ring cost
// 40% more CPU per byte than a bare pipe, holding them costs nothing at one connection
// (docs/BENCHMARKS.md).
import type { Direction } from '../../shared/model'
import { Fifo } from './fifo'

export const TRAFFIC_PER_SESSION_BYTES = 1024 * 1024
export const TRAFFIC_TOTAL_BYTES = 64 * 1024 * 1024
/**
 * Each chunk also costs a small record; without a budget for those, a stream of 1-byte
 * chunks would hold a million of them inside a "1 MiB" log. One record per this many bytes
 * of bound, per session and in all.
 */
const BYTES_PER_ENTRY = 64

export interface LoggedChunk {
  readonly seq: number
  readonly at: number
  readonly dir: Direction
  readonly bytes: Buffer
}

interface Entry {
  readonly seq: number
  readonly at: number
  readonly dir: Direction
  bytes: Buffer
  readonly log: SessionLog
  evicted: boolean
}

const EMPTY = Buffer.alloc(0)
/** Below this many dead entries the global queue is not worth compacting. */
const COMPACT_MIN_DEAD = 1024

export class SessionLog {
  readonly chunks = new Fifo<Entry>()
  bytes = 0
  droppedBytes = 0
  nextSeq = 0

  /** The seq of the oldest chunk still held. */
  get firstSeq(): number {
    return this.chunks.peek()?.seq ?? this.nextSeq
  }
}

export class TrafficLog {
  private readonly maxEntriesPerSession: number
  private readonly maxEntries: number
  private entryCount = 0
  private all = new Fifo<Entry>()
  /** Entries in `all` that a session already let go of. */
  private dead = 0
  private total = 0

  constructor(
    readonly perSessionBytes = TRAFFIC_PER_SESSION_BYTES,
    readonly totalBytes = TRAFFIC_TOTAL_BYTES
  ) {
    this.maxEntriesPerSession = Math.max(1, Math.floor(perSessionBytes / BYTES_PER_ENTRY))
    this.maxEntries = Math.max(1, Math.floor(totalBytes / BYTES_PER_ENTRY))
  }

  /** Bytes of traffic the log can still show. */
  get bytesHeld(): number {
    return this.total
  }

  /** Chunk records held; never more than one per 64 bytes of the total bound. */
  get entriesHeld(): number {
    return this.entryCount
  }

  record(log: SessionLog, dir: Direction, chunk: Buffer, at = Date.now()): void {
    // A small read can be a view on a 64 KiB buffer; holding the view holds all of it.
    const bytes = chunk.byteLength * 2 < chunk.buffer.byteLength ? Buffer.from(chunk) : chunk
    const entry: Entry = { seq: log.nextSeq++, at, dir, bytes, log, evicted: false }
    log.chunks.push(entry)
    log.bytes += bytes.byteLength
    this.all.push(entry)
    this.total += bytes.byteLength
    this.entryCount++
    while (
      (log.bytes > this.perSessionBytes || log.chunks.length > this.maxEntriesPerSession) &&
      log.chunks.length > 1
    ) {
      this.evictOldestOf(log)
    }
    while (
      (this.total > this.totalBytes || this.entryCount > this.maxEntries) &&
      this.all.length > 1
    ) {
      this.evictOldest()
    }
  }

  /** Lets go of a session's chunks at once (its counters stay). */
  release(log: SessionLog): void {
    while (log.chunks.length > 0) this.evictOldestOf(log)
  }

  /** For tests: entries the global queue holds, live and dead. */
  get queued(): number {
    return this.all.length
  }

  range(log: SessionLog, fromSeq: number, limit: number): LoggedChunk[] {
    const out: LoggedChunk[] = []
    for (const entry of log.chunks) {
      if (entry.seq < fromSeq) continue
      if (out.length >= limit) break
      out.push(entry)
    }
    return out
  }

  private drop(entry: Entry): void {
    const size = entry.bytes.byteLength
    entry.evicted = true
    entry.bytes = EMPTY
    entry.log.bytes -= size
    entry.log.droppedBytes += size
    this.total -= size
    this.entryCount--
  }

  /** A session over its own bound lets go of its oldest chunk; `all` still lists it. */
  private evictOldestOf(log: SessionLog): void {
    const entry = log.chunks.shift()
    if (!entry) return
    this.drop(entry)
    this.dead++
    // A busy session behind an idle one would otherwise pile dead entries up for ever.
    if (this.dead >= COMPACT_MIN_DEAD && this.dead * 2 > this.all.length) this.compact()
  }

  /** Over the global bound, the oldest chunk of all goes. */
  private evictOldest(): void {
    for (let entry = this.all.shift(); entry; entry = this.all.shift()) {
      if (entry.evicted) {
        this.dead--
        continue
      }
      // Both queues are in time order, so the globally oldest is its session's oldest.
      entry.log.chunks.shift()
      this.drop(entry)
      return
    }
  }

  private compact(): void {
    const live = new Fifo<Entry>()
    for (const entry of this.all) if (!entry.evicted) live.push(entry)
    this.all = live
    this.dead = 0
  }
}
