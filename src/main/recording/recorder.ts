// Records what the inspector sees: a keyframe (the whole table, sessions, servers), then
// every table diff and every session and server update as they come, a fresh keyframe every
// RECORDING_KEYFRAME_MS (and after any record was let go of), until stopped.
import { hostname } from 'node:os'
import type { Unsubscribe } from '../../shared/contract'
import type { TableStatus } from '../../shared/model'
import { RECORDING_FORMAT, RECORDING_KEYFRAME_MS, RECORDING_VERSION } from '../../shared/recording'
import type { TimedRecord } from '../../shared/recording'
import { APP_NAME, APP_VERSION } from '../app-info'
import type { CoreApi } from '../core-api'
import { RecordingWriter } from './writer'

export interface RecordingSummary {
  readonly path: string
  readonly startedAt: number
  readonly stoppedAt: number | null
  readonly records: number
  /** Uncompressed JSON bytes, and bytes on disk. */
  readonly bytesIn: number
  readonly bytesWritten: number
  readonly dropped: number
}

/** Records held while a keyframe is read; past this, a fresh keyframe is due instead. */
const KEYFRAME_HOLD_MAX = 10_000

const statusKey = (s: TableStatus): string =>
  JSON.stringify([s.source, s.health, s.blind, s.rateHz])

export class Recorder {
  private readonly writer: RecordingWriter
  private readonly offs: Unsubscribe[] = []
  private readonly startedAt = Date.now()
  private stoppedAt: number | null = null
  private keyframeSeq = -1
  /** Records that arrive while a keyframe is being read, written after it in order. */
  private held: TimedRecord[] | null = null
  private afterKeyframe: TimedRecord[] = []
  private lastKeyframe = 0
  private keyframeDue = false
  private lastStatus = ''

  constructor(
    private readonly core: CoreApi,
    readonly path: string
  ) {
    this.writer = new RecordingWriter(path)
  }

  async start(): Promise<void> {
    await this.writer.opened()
    const status = await this.core.call('table:status', [])
    this.writer.write({
      type: 'header',
      format: RECORDING_FORMAT,
      version: RECORDING_VERSION,
      startedAt: this.startedAt,
      hostname: hostname(),
      platform: process.platform,
      app: `${APP_NAME} ${APP_VERSION}`,
      rateHz: status.rateHz
    })
    // Diffs that arrive before the first keyframe is written are already in it.
    this.offs.push(
      this.core.on('table:diff', (diff) =>
        this.onDiff(diff.seq, { type: 'diff', t: diff.at, diff })
      )
    )
    this.offs.push(
      this.core.on('session:update', (sessions) =>
        this.put({ type: 'sessions', t: Date.now(), sessions })
      )
    )
    this.offs.push(
      this.core.on('listener:update', (listeners) =>
        this.put({ type: 'listeners', t: Date.now(), listeners })
      )
    )
    await this.keyframe()
  }

  summary(): RecordingSummary {
    return {
      path: this.path,
      startedAt: this.startedAt,
      stoppedAt: this.stoppedAt,
      records: this.writer.records,
      bytesIn: this.writer.bytesIn,
      bytesWritten: this.writer.bytesWritten,
      dropped: this.writer.dropped
    }
  }

  get error(): Error | null {
    return this.writer.error
  }

  async stop(): Promise<RecordingSummary> {
    if (this.stoppedAt === null) {
      this.stoppedAt = Date.now()
      for (const off of this.offs.splice(0)) off()
      // The sessions' last state (a close still in the update batch) ends the recording.
      const sessions = await this.core.call('session:list', []).catch(() => null)
      if (sessions) this.writer.write({ type: 'sessions', t: this.stoppedAt, sessions })
      await this.writer.close()
    }
    return this.summary()
  }

  private put(record: TimedRecord): void {
    if (this.held) {
      if (this.held.length < KEYFRAME_HOLD_MAX) this.held.push(record)
      else this.keyframeDue = true
      return
    }
    if (this.keyframeSeq < 0) return
    if (!this.writer.write(record)) this.keyframeDue = true
  }

  private onDiff(seq: number, record: TimedRecord): void {
    if (!this.held && (this.keyframeSeq < 0 || seq <= this.keyframeSeq)) return
    this.put(record)
    void this.core.call('table:status', []).then((status) => {
      if (statusKey(status) === this.lastStatus || this.stoppedAt !== null) return
      this.lastStatus = statusKey(status)
      this.put({ type: 'status', t: record.t, status })
    })
    if (this.keyframeDue || record.t - this.lastKeyframe >= RECORDING_KEYFRAME_MS) {
      void this.keyframe().catch(() => (this.keyframeDue = true))
    }
  }

  private async keyframe(): Promise<void> {
    if (this.held) return
    const dropped = this.writer.dropped
    this.keyframeDue = false
    // A poll can finish while the core answers these; its diff waits in `held`.
    this.held = []
    let parts
    try {
      parts = await Promise.all([
        this.core.call('table:snapshot', []),
        this.core.call('table:status', []),
        this.core.call('session:list', []),
        this.core.call('echo:list', [])
      ])
    } finally {
      this.afterKeyframe = this.held ?? []
      this.held = null
    }
    const [table, status, sessions, listeners] = parts
    if (this.stoppedAt !== null) return
    this.lastStatus = statusKey(status)
    const t = Date.now()
    if (dropped > 0) this.writer.write({ type: 'dropped', t, records: dropped })
    const ok = this.writer.write({
      type: 'keyframe',
      t,
      table,
      sessions,
      listeners,
      status
    })
    if (!ok) {
      this.keyframeDue = true
      return
    }
    this.keyframeSeq = table.seq
    this.lastKeyframe = t
    for (const r of this.afterKeyframe.splice(0)) {
      if (r.type !== 'diff' || r.diff.seq > table.seq) this.put(r)
    }
  }
}
