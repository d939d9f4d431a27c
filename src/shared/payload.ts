// Payloads as people type them: text with escapes (\n \r \t \0 \\ \xNN) or hex digits.
// Pure and shared, so the renderer can validate as the user types and main checks again.

export const MAX_PAYLOAD_BYTES = 512 * 1024

export class PayloadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PayloadError'
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { n: 10, r: 13, t: 9, '0': 0, '\\': 92 }
const encoder = new TextEncoder()

/** Decodes text with escapes into bytes; the rest of the text is UTF-8. */
export function decodeEscapes(text: string): Uint8Array {
  const parts: number[] = []
  let plain = ''
  const flush = (): void => {
    if (plain) parts.push(...encoder.encode(plain))
    plain = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch !== '\\') {
      plain += ch
      continue
    }
    const next = text[i + 1]
    if (next === undefined) throw new PayloadError(`a lone backslash ends the text (at ${i + 1})`)
    flush()
    if (next === 'x') {
      const hex = text.slice(i + 2, i + 4)
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
        throw new PayloadError(`\\x at ${i + 1} needs two hex digits, as in \\x0a`)
      }
      parts.push(parseInt(hex, 16))
      i += 3
      continue
    }
    const code = SIMPLE_ESCAPES[next]
    if (code === undefined) {
      throw new PayloadError(
        `unknown escape \\${next} at ${i + 1} (use \\n \\r \\t \\0 \\\\ or \\xNN)`
      )
    }
    parts.push(code)
    i += 1
  }
  flush()
  return Uint8Array.from(parts)
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
  if (bytes.length > MAX_PAYLOAD_BYTES) {
    throw new PayloadError(
      `the payload is ${bytes.length} bytes; at most ${MAX_PAYLOAD_BYTES} are sent at once`
    )
  }
  return bytes
}
