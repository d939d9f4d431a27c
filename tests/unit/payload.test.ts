import { describe, expect, it } from 'vitest'
import {
  decodeEscapes,
  decodeHex,
  decodePayload,
  MAX_PAYLOAD_BYTES,
  PayloadError
} from '../../src/shared/payload'
import {
  escapeBytes,
  formatTrafficHex,
  formatTrafficText,
  hexDump
} from '../../src/shared/traffic-format'

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b)

describe('payload escapes', () => {
  it('decode \\n \\r \\t \\0 \\\\ and \\xNN, and UTF-8 for the rest', () => {
    expect(decodeEscapes('a\\nb')).toEqual(bytes(97, 10, 98))
    expect(decodeEscapes('\\r\\t\\0\\\\')).toEqual(bytes(13, 9, 0, 92))
    expect(decodeEscapes('\\x00\\xfF\\x7f')).toEqual(bytes(0, 255, 127))
    expect(decodeEscapes('é')).toEqual(bytes(0xc3, 0xa9))
    expect(decodeEscapes('')).toEqual(bytes())
  })

  it('explain what is wrong and where', () => {
    expect(() => decodeEscapes('abc\\')).toThrow(/lone backslash ends the text \(at 4\)/)
    expect(() => decodeEscapes('\\q')).toThrow(/unknown escape \\q at 1/)
    expect(() => decodeEscapes('\\x4g')).toThrow(/needs two hex digits/)
  })

  it('round-trip through escapeBytes for every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(decodeEscapes(escapeBytes(all))).toEqual(all)
  })
})

describe('hex payloads', () => {
  it('accept spaces, colons and 0x prefixes', () => {
    expect(decodeHex('48 65:6c 0x6c 6F')).toEqual(bytes(0x48, 0x65, 0x6c, 0x6c, 0x6f))
  })

  it('refuse odd lengths and non-hex digits', () => {
    expect(() => decodeHex('abc')).toThrow(PayloadError)
    expect(() => decodeHex('zz')).toThrow(/"z" is not a hex digit/)
  })

  it('refuse a payload over the per-send limit', () => {
    expect(() => decodePayload('00'.repeat(MAX_PAYLOAD_BYTES + 1), 'hex')).toThrow(
      /at most 524,288 bytes/
    )
  })
})

describe('traffic formats', () => {
  it('hex dump rows look like hexdump -C', () => {
    const [row] = hexDump(new TextEncoder().encode('Hello, server!'))
    expect(row).toBe('00000000  48 65 6c 6c 6f 2c 20 73  65 72 76 65 72 21        |Hello, server!|')
    expect(hexDump(new Uint8Array(33))).toHaveLength(3)
    expect(hexDump(new Uint8Array(17))[1]).toMatch(/^00000010 {2}00 /)
  })

  it('text and hex exports mark direction and size', () => {
    const chunks = [
      { at: Date.UTC(2026, 0, 1), dir: 'out' as const, bytes: new TextEncoder().encode('hi\n') },
      { at: Date.UTC(2026, 0, 1, 0, 0, 1), dir: 'in' as const, bytes: bytes(0, 1) }
    ]
    expect(formatTrafficText(chunks)).toBe(
      '2026-01-01T00:00:00.000Z -> out 3 B  hi\\n\n2026-01-01T00:00:01.000Z <- in  2 B  \\x00\\x01'
    )
    expect(formatTrafficHex(chunks)).toContain('|hi.|')
  })
})
