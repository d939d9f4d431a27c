// Payloads as people type them: text with escapes (\n \r \t \0 \\ \xNN) or hex digits.
// Pure and shared, so the renderer can validate as the user types and main checks again.

import { LIMITS } from './limits'

export const MAX_PAYLOAD_BYTES = 512 * 1024

export class PayloadError extends Error {
  constructor(message: string) {
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
    bytes === null ? 'the payload is too long' : `the payload is ${formatCount(bytes)} bytes`
  return new PayloadError(
    `${size}; at most ${formatCount(MAX_PAYLOAD_BYTES)} bytes are sent at once (send it in parts, or use repeat)`
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
    if (next === undefined) throw new PayloadError(`a lone backslash ends the text (at ${i + 1})`)
    if (next === 'x') {
      const hex = text.slice(i + 2, i + 4)
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        throw new PayloadError(`\\x at ${i + 1} needs two hex digits, as in \\x0a`)
      }
      out[length++] = parseInt(hex, 16)
      from = i + 4
      continue
    }
    const code = SIMPLE_ESCAPES[next]
    if (code === undefined) {
      throw new PayloadError(
        `unknown escape \\${next} at ${i + 1} (use \\n \\r \\t \\0 \\\\ or \\xNN)`
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
  if (bad) throw new PayloadError(`"${bad[0]}" is not a hex digit`)
  if (digits.length % 2 !== 0)
    throw new PayloadError('hex needs an even number of digits (two per byte)')
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
  const total = bytesPerSend * repeat
  if (queued + total <= LIMITS.clientQueueBytes) return null
  const waiting = queued > 0 ? ` on top of the ${formatCount(queued)} bytes still waiting` : ''
  return (
    `${formatCount(repeat)} × ${formatCount(bytesPerSend)} bytes is ${formatCount(total)} bytes${waiting}; ` +
    `a client queues at most ${formatCount(LIMITS.clientQueueBytes)} bytes (${LIMITS.clientQueueBytes / MIB} MiB) to send`
  )
}
