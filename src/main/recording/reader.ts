// Opens a recording file, also one cut short by a crash: gunzip with Z_SYNC_FLUSH as the
// final flush gives back everything up to where the file ends instead of failing on it.
import { readFile } from 'node:fs/promises'
import { constants, gunzipSync } from 'node:zlib'
import { InspectorFailure } from '../../shared/errors'
import { parseRecording, RECORDING_OPEN_LIMIT_BYTES, RecordingError } from '../../shared/recording'
import type { ParsedRecording } from '../../shared/recording'

/** Decompresses as much of a (possibly cut) gzip stream as there is. */
export function gunzipTolerant(bytes: Buffer): string {
  try {
    return gunzipSync(bytes, {
      finishFlush: constants.Z_SYNC_FLUSH,
      maxOutputLength: RECORDING_OPEN_LIMIT_BYTES
    }).toString('utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ERR_BUFFER_TOO_LARGE') {
      throw new InspectorFailure(
        'ETOOBIG',
        `This recording is larger than ${RECORDING_OPEN_LIMIT_BYTES / 1024 / 1024} MiB unpacked.`,
        'Record a shorter stretch (record --duration) or at a lower rate (--interval).'
      )
    }
    throw new InspectorFailure(
      'EBADRECORDING',
      'This file is not a gzip-compressed Socket Inspector recording.',
      'Open a .sirec.gz file made by `socket-inspector record` or the Record button.'
    )
  }
}

export function parseRecordingBytes(bytes: Buffer): ParsedRecording {
  try {
    return parseRecording(gunzipTolerant(bytes))
  } catch (err) {
    if (err instanceof RecordingError)
      throw new InspectorFailure('EBADRECORDING', err.message, err.hint)
    throw err
  }
}

export async function readRecordingFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO'
    throw new InspectorFailure(
      code,
      `Cannot open ${path} (${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code}).`,
      'Check the path; recordings end in .sirec.gz.'
    )
  }
}
