// What the export commands take and give (recordings, pcapng), checked where calls land.
import { z } from 'zod'
import { id } from './schema'

/** A session, or every session of one server, or (CLI) every session the core remembers. */
export const pcapngTarget = z.union([
  z.object({ sessionId: id }).strict(),
  z.object({ listenerId: id }).strict(),
  z.object({ all: z.literal(true) }).strict()
])
export type PcapngTarget = z.output<typeof pcapngTarget>

export const RECORDING_EXTENSION = '.sirec.gz'
/** A recording in the recordings folder, by file name only: no path reaches the core. */
export const recordingName = z
  .string()
  .max(200)
  .regex(/^[\w][\w.-]*\.sirec\.gz$/, {
    error: 'a recording is named like 2026-11-30T19-02-10.sirec.gz, without a folder'
  })

/** A recording being written, or just finished. */
export interface RecordingInfo {
  readonly name: string
  /** Where the core wrote it, on the core's machine. */
  readonly path: string
  readonly startedAt: number
  readonly stoppedAt: number | null
  readonly records: number
  readonly bytesWritten: number
  /** Records let go of because the disk could not keep up (a keyframe follows). */
  readonly dropped: number
}

export interface RecordingFile {
  readonly name: string
  readonly bytes: number
  readonly modifiedAt: number
}

/** A file the desktop shell asked the core to open (File → Open, a file given to the app). */
export interface RecordingOffer {
  /** Ask for its bytes with recording:take and this id. */
  readonly id: number
  readonly name: string
}

/** An offer's id, as recording:take receives it. */
export const offerId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/** A recording's bytes as stored (gzip), base64, for the renderer to replay. */
export interface RecordingData {
  readonly name: string
  readonly gzipBase64: string
}
