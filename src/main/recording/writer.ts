// Writes recording lines through gzip to a file, flushing the compressor on a timer
// (Z_SYNC_FLUSH) so that after a crash everything up to the last flush decompresses.
// Bounded: past RECORDING_PENDING_LIMIT_BYTES not yet on disk, records are let go of and
// counted; the recorder then writes a fresh keyframe so the replay stays right.
import { createWriteStream } from 'node:fs'
import type { WriteStream } from 'node:fs'
import { constants, createGzip } from 'node:zlib'
import type { Gzip } from 'node:zlib'
import { RECORDING_FLUSH_MS, recordLine } from '../../shared/recording'
import type { RecordingRecord } from '../../shared/recording'

/** Compressed-but-unwritten and uncompressed-but-queued bytes the writer holds at most. */
export const RECORDING_PENDING_LIMIT_BYTES = 64 * 1024 * 1024

export class RecordingWriter {
  private readonly gzip: Gzip
  private readonly file: WriteStream
  private readonly timer: NodeJS.Timeout
  private failure: Error | null = null
  private closed = false
  /** Records let go of because the disk could not keep up. */
  dropped = 0
  /** Uncompressed bytes handed to gzip, and lines. */
  bytesIn = 0
  records = 0

  constructor(readonly path: string) {
    this.file = createWriteStream(path, { flags: 'wx' })
    this.gzip = createGzip({ level: 6 })
    this.gzip.pipe(this.file)
    const fail = (err: Error): void => {
      this.failure ??= err
    }
    this.file.on('error', fail)
    this.gzip.on('error', fail)
    this.timer = setInterval(() => this.flush(), RECORDING_FLUSH_MS)
    this.timer.unref()
  }

  /** Resolves once the file is open, or rejects with why it could not be created. */
  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.file.pending === false) return resolve()
      this.file.once('open', () => resolve())
      this.file.once('error', reject)
    })
  }

  get error(): Error | null {
    return this.failure
  }

  /** Bytes on disk so far. */
  get bytesWritten(): number {
    return this.file.bytesWritten
  }

  /** False when the record was let go of (the queue is full, or the writer failed). */
  write(record: RecordingRecord): boolean {
    if (this.closed || this.failure) return false
    if (this.gzip.writableLength + this.file.writableLength > RECORDING_PENDING_LIMIT_BYTES) {
      this.dropped++
      return false
    }
    const line = recordLine(record)
    this.bytesIn += line.length
    this.records++
    this.gzip.write(line)
    return true
  }

  flush(): void {
    if (!this.closed && !this.failure) this.gzip.flush(constants.Z_SYNC_FLUSH)
  }

  /** Ends the gzip stream properly and waits for the file to be closed. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve()
    this.closed = true
    clearInterval(this.timer)
    return new Promise((resolve, reject) => {
      this.file.once('close', () => (this.failure ? reject(this.failure) : resolve()))
      this.gzip.end()
    })
  }
}
