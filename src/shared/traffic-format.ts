// Traffic as people read it: printable text with escapes, or a classic hex dump.
// Pure and shared: the core exports with it and the renderer shows with it.
import type { Direction } from './model'

export interface FormatChunk {
  readonly at: number
  readonly dir: Direction
  readonly bytes: Uint8Array
}

const HEX_ROW = 16
const ARROW: Readonly<Record<Direction, string>> = { in: '<-', out: '->' }

/** Printable ASCII as is; \n \r \t and every other byte escaped, so nothing is hidden. */
export function escapeBytes(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) {
    if (b === 0x5c) out += '\\\\'
    else if (b === 0x0a) out += '\\n'
    else if (b === 0x0d) out += '\\r'
    else if (b === 0x09) out += '\\t'
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b)
    else out += `\\x${b.toString(16).padStart(2, '0')}`
  }
  return out
}

/** `00000000  48 65 6c 6c 6f 2c 20 73  65 72 76 65 72 21        |Hello, server!|` */
export function hexDump(bytes: Uint8Array, offset = 0): string[] {
  const lines: string[] = []
  for (let row = 0; row < bytes.length; row += HEX_ROW) {
    const slice = bytes.subarray(row, row + HEX_ROW)
    let hex = ''
    for (let i = 0; i < HEX_ROW; i++) {
      hex += i < slice.length ? slice[i]!.toString(16).padStart(2, '0') + ' ' : '   '
      if (i === 7) hex += ' '
    }
    let ascii = ''
    for (const b of slice) ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'
    lines.push(`${(offset + row).toString(16).padStart(8, '0')}  ${hex} |${ascii}|`)
  }
  return lines
}

function header(chunk: FormatChunk): string {
  return `${new Date(chunk.at).toISOString()} ${ARROW[chunk.dir]} ${chunk.dir.padEnd(3)} ${chunk.bytes.length} B`
}

export function formatTrafficText(chunks: readonly FormatChunk[]): string {
  return chunks.map((c) => `${header(c)}  ${escapeBytes(c.bytes)}`).join('\n')
}

export function formatTrafficHex(chunks: readonly FormatChunk[]): string {
  return chunks.map((c) => [header(c), ...hexDump(c.bytes)].join('\n')).join('\n\n')
}
