// A small pcapng writer: each block is built as a Buffer with its lengths and options laid
// out as the format says (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-03.html),
// little-endian throughout; tshark reads what this writes (tests/integration/pcapng.test.ts).
const BLOCK_SHB = 0x0a0d0d0a
const BLOCK_IDB = 0x00000001
const BLOCK_EPB = 0x00000006
const BYTE_ORDER_MAGIC = 0x1a2b3c4d

const OPT_ENDOFOPT = 0
const OPT_COMMENT = 1
const SHB_USERAPPL = 4
const IF_NAME = 2
const IF_TSRESOL = 9

/** Link types (https://www.tcpdump.org/linktypes.html) this app writes. */
export const LINKTYPE_RAW = 101
export const LINKTYPE_WIRESHARK_UPPER_PDU = 252

/** Snap length declared for every interface: no packet here is cut. */
const SNAPLEN = 0x40000

export interface PcapOption {
  readonly code: number
  readonly value: Buffer
}

const pad4 = (n: number): number => (4 - (n % 4)) % 4

/** Options as TLVs, each value padded to 32 bits, ended by opt_endofopt. */
export function encodeOptions(options: readonly PcapOption[]): Buffer {
  if (options.length === 0) return Buffer.alloc(0)
  const parts: Buffer[] = []
  for (const o of options) {
    if (o.value.length > 0xffff) throw new RangeError(`pcapng option ${o.code} is too long`)
    const head = Buffer.alloc(4)
    head.writeUInt16LE(o.code, 0)
    head.writeUInt16LE(o.value.length, 2)
    parts.push(head, o.value, Buffer.alloc(pad4(o.value.length)))
  }
  parts.push(Buffer.alloc(4)) // opt_endofopt: code 0, length 0
  return Buffer.concat(parts)
}

export function commentOption(text: string): PcapOption {
  return { code: OPT_COMMENT, value: Buffer.from(text, 'utf8') }
}

/** type, total length, body (padded), total length again. */
function block(type: number, body: Buffer): Buffer {
  const padded = body.length + pad4(body.length)
  const total = 12 + padded
  const out = Buffer.alloc(total)
  out.writeUInt32LE(type, 0)
  out.writeUInt32LE(total, 4)
  body.copy(out, 8)
  out.writeUInt32LE(total, total - 4)
  return out
}

export function sectionHeaderBlock(application: string, comment?: string): Buffer {
  const fixed = Buffer.alloc(16)
  fixed.writeUInt32LE(BYTE_ORDER_MAGIC, 0)
  fixed.writeUInt16LE(1, 4) // major version
  fixed.writeUInt16LE(0, 6) // minor version
  fixed.writeBigInt64LE(-1n, 8) // section length: not given
  const options: PcapOption[] = [{ code: SHB_USERAPPL, value: Buffer.from(application, 'utf8') }]
  if (comment !== undefined) options.unshift(commentOption(comment))
  return block(BLOCK_SHB, Buffer.concat([fixed, encodeOptions(options)]))
}

/** One interface; timestamps are in microseconds (if_tsresol 6), said explicitly. */
export function interfaceDescriptionBlock(linkType: number, name: string): Buffer {
  const fixed = Buffer.alloc(8)
  fixed.writeUInt16LE(linkType, 0)
  fixed.writeUInt32LE(SNAPLEN, 4)
  const options = encodeOptions([
    { code: IF_NAME, value: Buffer.from(name, 'utf8') },
    { code: IF_TSRESOL, value: Buffer.from([6]) }
  ])
  return block(BLOCK_IDB, Buffer.concat([fixed, options]))
}

/** One packet on an interface at a time in microseconds since the epoch. */
export function enhancedPacketBlock(
  interfaceId: number,
  timestampUs: bigint,
  packet: Buffer,
  options: readonly PcapOption[] = []
): Buffer {
  const fixed = Buffer.alloc(20)
  fixed.writeUInt32LE(interfaceId, 0)
  fixed.writeUInt32LE(Number(timestampUs >> 32n), 4)
  fixed.writeUInt32LE(Number(timestampUs & 0xffffffffn), 8)
  fixed.writeUInt32LE(packet.length, 12) // captured
  fixed.writeUInt32LE(packet.length, 16) // original
  const data = Buffer.concat([packet, Buffer.alloc(pad4(packet.length))])
  return block(BLOCK_EPB, Buffer.concat([fixed, data, encodeOptions(options)]))
}

export { BLOCK_EPB, BLOCK_IDB, BLOCK_SHB, OPT_ENDOFOPT }
