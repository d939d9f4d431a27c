// A recording: JSON lines, one record a line, gzip-compressed by the writer. The first line
// says what the file is and which version wrote it; then keyframes (the whole table, every
// session and server) and, between them, every diff and every session/server update, each
// with its time. Pure: the core writes and reads files, the renderer replays, both with this.
import type { Listener, Session, TableDiff, TableRow, TableSnapshot, TableStatus } from './model'

export const RECORDING_FORMAT = 'socket-inspector-recording'
export const RECORDING_VERSION = 1
/** A keyframe this often bounds how far back a seek replays diffs. */
export const RECORDING_KEYFRAME_MS = 60_000
/** The writer hands compressed bytes to the file this often: what a crash can lose. */
export const RECORDING_FLUSH_MS = 1_000
/** A recording opens only up to this many bytes decompressed (it is held in memory). */
export const RECORDING_OPEN_LIMIT_BYTES = 512 * 1024 * 1024

export interface RecordingHeader {
  readonly type: 'header'
  readonly format: typeof RECORDING_FORMAT
  readonly version: number
  readonly startedAt: number
  readonly hostname: string
  readonly platform: string
  readonly app: string
  readonly rateHz: number
}

export interface KeyframeRecord {
  readonly type: 'keyframe'
  readonly t: number
  readonly table: TableSnapshot
  readonly sessions: readonly Session[]
  readonly listeners: readonly Listener[]
  readonly status: TableStatus
}

export type RecordingRecord =
  | RecordingHeader
  | KeyframeRecord
  | { readonly type: 'diff'; readonly t: number; readonly diff: TableDiff }
  | { readonly type: 'sessions'; readonly t: number; readonly sessions: readonly Session[] }
  | { readonly type: 'listeners'; readonly t: number; readonly listeners: readonly Listener[] }
  | { readonly type: 'status'; readonly t: number; readonly status: TableStatus }
  /** Records the writer could not keep up with and let go of (bounded queue). */
  | { readonly type: 'dropped'; readonly t: number; readonly records: number }

export type TimedRecord = Exclude<RecordingRecord, RecordingHeader>

export function recordLine(record: RecordingRecord): string {
  return `${JSON.stringify(record)}\n`
}

export interface ParsedRecording {
  readonly header: RecordingHeader
  readonly records: readonly TimedRecord[]
  /** A last line cut short (a crash mid-write) that was left out. */
  readonly truncated: boolean
  /** Lines that were not a record this version knows, skipped. */
  readonly skipped: number
}

export class RecordingError extends Error {
  constructor(
    message: string,
    readonly hint: string
  ) {
    super(message)
  }
}

const TIMED_TYPES = new Set(['keyframe', 'diff', 'sessions', 'listeners', 'status', 'dropped'])

/** Decompressed text → records. A line cut short at the end is dropped, not an error. */
export function parseRecording(text: string): ParsedRecording {
  const lines = text.split('\n')
  // Everything after the last newline is a line the writer had not finished.
  const tail = lines.pop() ?? ''
  const first = lines[0]
  let header: RecordingHeader | null = null
  try {
    header = first === undefined ? null : (JSON.parse(first) as RecordingHeader)
  } catch {
    header = null
  }
  if (header?.type !== 'header' || header.format !== RECORDING_FORMAT) {
    throw new RecordingError(
      'This file is not a Socket Inspector recording.',
      'Open a .sirec.gz file made by `socket-inspector record` or the Record button.'
    )
  }
  if (header.version > RECORDING_VERSION) {
    throw new RecordingError(
      `This recording was made by a newer Socket Inspector (format ${header.version}).`,
      'Update Socket Inspector to open it.'
    )
  }
  const records: TimedRecord[] = []
  let skipped = 0
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') continue
    try {
      const r = JSON.parse(line) as TimedRecord
      if (TIMED_TYPES.has(r.type) && typeof r.t === 'number') records.push(r)
      else skipped++
    } catch {
      skipped++
    }
  }
  if (!records.some((r) => r.type === 'keyframe')) {
    throw new RecordingError(
      'This recording ends before its first picture of the table.',
      'Record for at least one poll; a file cut very early holds nothing to replay.'
    )
  }
  return { header, records, truncated: tail !== '', skipped }
}

/** The machine as the recording saw it at one moment. */
export interface RecordingFrame {
  readonly at: number
  readonly table: TableSnapshot
  readonly sessions: readonly Session[]
  readonly listeners: readonly Listener[]
  readonly status: TableStatus
}

interface Cursor {
  next: number
  seq: number
  at: number
  source: TableSnapshot['source']
  rows: Map<string, TableRow>
  sessions: Map<string, Session>
  listeners: Map<string, Listener>
  status: TableStatus
}

/** Seeks in a recording: from the keyframe before t, or onward from the last frame. */
export class RecordingPlayer {
  /** Every time the table was read: the scrubber's stops. */
  readonly times: readonly number[]
  private readonly keyframes: readonly number[]
  private cursor: Cursor | null = null

  constructor(private readonly records: readonly TimedRecord[]) {
    const keyframes: number[] = []
    const times: number[] = []
    records.forEach((r, i) => {
      if (r.type === 'keyframe') keyframes.push(i)
      if ((r.type === 'keyframe' && keyframes.length === 1) || r.type === 'diff') times.push(r.t)
    })
    // Nothing before the first keyframe can be shown.
    const start = records[keyframes[0]!]!.t
    this.keyframes = keyframes
    this.times = times.filter((t) => t >= start)
  }

  get start(): number {
    return this.times[0]!
  }

  get end(): number {
    return this.times[this.times.length - 1]!
  }

  frameAt(t: number): RecordingFrame {
    let c = this.cursor
    const key = this.keyframeBefore(t)
    // Going back, or past a later keyframe, starts again from the nearest keyframe.
    if (!c || c.at > t || c.next <= key) c = this.fromKeyframe(key)
    while (c.next < this.records.length && this.records[c.next]!.t <= t) {
      this.apply(c, this.records[c.next]!)
      c.next++
    }
    this.cursor = c
    return {
      at: Math.max(c.at, Math.min(t, this.end)),
      table: { seq: c.seq, at: c.at, source: c.source, rows: [...c.rows.values()] },
      sessions: [...c.sessions.values()],
      listeners: [...c.listeners.values()],
      status: { ...c.status, rows: c.rows.size, seq: c.seq, polling: false }
    }
  }

  private keyframeBefore(t: number): number {
    let found = this.keyframes[0]!
    for (const k of this.keyframes) {
      if (this.records[k]!.t <= t) found = k
      else break
    }
    return found
  }

  private fromKeyframe(index: number): Cursor {
    const k = this.records[index] as KeyframeRecord
    return {
      next: index + 1,
      seq: k.table.seq,
      at: k.t,
      source: k.table.source,
      rows: new Map(k.table.rows.map((r) => [r.id, r])),
      sessions: new Map(k.sessions.map((s) => [s.id, s])),
      listeners: new Map(k.listeners.map((l) => [l.id, l])),
      status: k.status
    }
  }

  private apply(c: Cursor, r: TimedRecord): void {
    switch (r.type) {
      case 'keyframe':
        // A later keyframe restates what the diffs already built; take it as the truth.
        Object.assign(c, this.fromKeyframe(c.next), { next: c.next })
        return
      case 'diff':
        if (r.diff.seq <= c.seq) return
        for (const row of r.diff.added) c.rows.set(row.id, row)
        for (const row of r.diff.changed) c.rows.set(row.id, row)
        for (const id of r.diff.removed) c.rows.delete(id)
        c.seq = r.diff.seq
        c.at = r.t
        return
      case 'sessions':
        for (const s of r.sessions) c.sessions.set(s.id, s)
        return
      case 'listeners':
        for (const l of r.listeners) c.listeners.set(l.id, l)
        return
      case 'status':
        c.status = r.status
        c.source = r.status.source
        return
      case 'dropped':
        return
    }
  }
}
