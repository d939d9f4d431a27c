// A recording file's bytes → its records, in the renderer (a file the user picked or dropped,
// or one the core read). The browser's own gzip decoder; a file cut by a crash ends in an
// error after its last whole block, and everything decoded before it is kept.
import {
  parseRecording,
  RECORDING_OPEN_LIMIT_BYTES,
  RecordingError
} from '../../../shared/recording'
import type { ParsedRecording } from '../../../shared/recording'
import { CommandError } from '../api/command-error'
import { i18n } from '../i18n'

async function gunzip(bytes: Uint8Array): Promise<{ text: string; cut: boolean }> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'))
  const reader = stream.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let size = 0
  let cut = false
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > RECORDING_OPEN_LIMIT_BYTES) {
        throw new CommandError({
          code: 'ETOOBIG',
          message: i18n.t('replay:errors.tooBig', {
            mib: RECORDING_OPEN_LIMIT_BYTES / 1024 / 1024
          }),
          hint: i18n.t('replay:errors.tooBigHint')
        })
      }
      text += decoder.decode(value, { stream: true })
    }
  } catch (err) {
    if (err instanceof CommandError) throw err
    // A truncated stream: keep what was decoded (parseRecording drops a half line).
    if (text === '') throw notGzip()
    cut = true
  }
  return { text: text + decoder.decode(), cut }
}

function notGzip(): CommandError {
  return new CommandError({
    code: 'EBADRECORDING',
    message: i18n.t('replay:errors.notGzip'),
    hint: i18n.t('replay:errors.notGzipHint')
  })
}

export async function openRecordingBytes(bytes: Uint8Array): Promise<ParsedRecording> {
  const { text, cut } = await gunzip(bytes)
  try {
    const parsed = parseRecording(text)
    return cut ? { ...parsed, truncated: true } : parsed
  } catch (err) {
    if (err instanceof RecordingError) {
      throw new CommandError({ code: 'EBADRECORDING', message: err.message, hint: err.hint })
    }
    throw err
  }
}

export function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}
