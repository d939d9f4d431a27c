// Payloads as people type them: text with escapes (\n \r \t \0 \\ \xNN) or hex digits.
// Pure and shared, so the renderer can validate as the user types and main checks again.

import { LIMITS } from './limits'
import { SAID_IDS as S, said, worded } from './said'
import type { Said, Worded } from './said'

export const MAX_PAYLOAD_BYTES = 512 * 1024

/** Why a payload cannot be sent: in English (the core, the CLI) and as words (the form). */
export class PayloadError extends Error {
  constructor(
    message: string,
    readonly said: Said
  ) {
    super(message)
    this.name = 'PayloadError'
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, '0': 0, '\\': 92 }
/** A UTF-16 code unit never takes more than three UTF-8 bytes. */
const MAX_UTF8_PER_CHAR = 3
const MIB = 1024 * 1024
const encoder = new TextEncoder()
const grouped = new Intl.NumberFormat('en-US')

/** "524,288": the form people read big numbers in. */
export function formatCount(n: number): string {
  return grouped.format(n)
}

/** What the user reads when a payload is too big, in one place for every caller. */
export function payloadTooLarge(bytes: number | null): PayloadError {
  const size =
    bytes === null
      ? worded(S.payloadTooLong, undefined, 'the payload is too long')
      : worded(
          S.payloadIsBytes,
          { bytes: formatCount(bytes) },
          `the payload is ${formatCount(bytes)} bytes`
        )
  const max = formatCount(MAX_PAYLOAD_BYTES)
  return new PayloadError(
    `${size.text}; at most ${max} bytes are sent at once (send it in parts, or use repeat)`,
    said(S.payloadTooLarge, { size: size.said, max })
  )
}

/**
 * Decodes text with escapes into bytes; the rest of the text is UTF-8. Writes into one
 * buffer sized for the worst case, so a long text costs no more than its bytes (no
 * per-byte arrays, no argument spreading that would overflow the stack).
 */
export function decodeEscapes(text: string): Uint8Array {
  const out = new Uint8Array(text.length * MAX_UTF8_PER_CHAR)
  let length = 0
  let from = 0
  for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', from)) {
    length += encoder.encodeInto(text.slice(from, i), out.subarray(length)).written
    const next = text[i + 1]
    if (next === undefined)
      throw new PayloadError(
        `a lone backslash ends the text (at ${i + 1})`,
        said(S.payloadLoneBackslash, { at: i + 1 })
      )
    if (next === 'x') {
      const hex = text.slice(i + 2, i + 4)
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        throw new PayloadError(
          `\\x at ${i + 1} needs two hex digits, as in \\x0a`,
          said(S.payloadBadHexEscape, { at: i + 1 })
        )
      }
      out[length++] = parseInt(hex, 16)
      from = i + 4
      continue
    }
    const code = SIMPLE_ESCAPES[next]
    if (code === undefined) {
      throw new PayloadError(
        `unknown escape \\${next} at ${i + 1} (use \\n \\r \\t \\0 \\\\ or \\xNN)`,
        said(S.payloadUnknownEscape, { escape: next, at: i + 1 })
      )
    }
    out[length++] = code
    from = i + 2
  }
  length += encoder.encodeInto(text.slice(from), out.subarray(length)).written
  return out.slice(0, length)
}

/** Decodes hex digits; spaces, colons and 0x prefixes between bytes are allowed. */
export function decodeHex(text: string): Uint8Array {
  const digits = text.replace(/0x/gi, '').replace(/[\s:,-]/g, '')
  const bad = /[^0-9a-fA-F]/.exec(digits)
  if (bad)
    throw new PayloadError(
      `"${bad[0]}" is not a hex digit`,
      said(S.payloadNotHex, { char: bad[0] })
    )
  if (digits.length % 2 !== 0)
    throw new PayloadError(
      'hex needs an even number of digits (two per byte)',
      said(S.payloadOddHex)
    )
  const out = new Uint8Array(digits.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(i * 2, i * 2 + 2), 16)
  return out
}

export function decodePayload(data: string, encoding: 'text' | 'hex'): Uint8Array {
  const bytes = encoding === 'hex' ? decodeHex(data) : decodeEscapes(data)
  if (bytes.length > MAX_PAYLOAD_BYTES) throw payloadTooLarge(bytes.length)
  return bytes
}

/**
 * Why `repeat` sends of `bytesPerSend` would not fit in a client's send queue, given what
 * it already has waiting; null when they fit. One rule for the form and the core.
 */
export function repeatProblem(bytesPerSend: number, repeat: number, queued = 0): string | null {
  return repeatReason(bytesPerSend, repeat, queued)?.text ?? null
}

/** repeatProblem's sentence with its words, for the form to say in the user's language. */
export function repeatReason(bytesPerSend: number, repeat: number, queued = 0): Worded | null {
  const total = bytesPerSend * repeat
  if (queued + total <= LIMITS.clientQueueBytes) return null
  const waiting =
    queued > 0
      ? worded(
          S.repeatWaiting,
          { queued: formatCount(queued) },
          ` on top of the ${formatCount(queued)} bytes still waiting`
        )
      : null
  const params = {
    repeat: formatCount(repeat),
    bytes: formatCount(bytesPerSend),
    total: formatCount(total),
    waiting: waiting?.said ?? '',
    limit: formatCount(LIMITS.clientQueueBytes),
    mib: LIMITS.clientQueueBytes / MIB
  }
  return worded(
    S.repeatTooMuch,
    params,
    `${params.repeat} × ${params.bytes} bytes is ${params.total} bytes${waiting?.text ?? ''}; ` +
      `a client queues at most ${params.limit} bytes (${params.mib} MiB) to send`
  )
}
