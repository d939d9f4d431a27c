// IP + TCP/UDP packets for LINKTYPE_RAW, with real checksums, so Wireshark shows them as it
// would a capture of the same conversation.
import { isIPv4, isIPv6 } from 'node:net'

export interface PacketEnds {
  readonly srcAddress: string
  readonly srcPort: number
  readonly dstAddress: string
  readonly dstPort: number
}

export const TCP_FIN = 0x01
export const TCP_SYN = 0x02
export const TCP_RST = 0x04
export const TCP_PSH = 0x08
export const TCP_ACK = 0x10

const IPPROTO_TCP = 6
const IPPROTO_UDP = 17
const TTL = 64
const TCP_WINDOW = 65_535
/** The largest payload one IPv4/IPv6 packet (16-bit length) carries with a TCP header. */
export const MAX_SEGMENT_PAYLOAD = 65_535 - 20 - 20

function ipBytes(address: string): Buffer {
  if (isIPv4(address)) return Buffer.from(address.split('.').map(Number))
  if (!isIPv6(address)) throw new RangeError(`not an IP address: ${address}`)
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped)
    return Buffer.concat([Buffer.alloc(10), Buffer.from([0xff, 0xff]), ipBytes(mapped[1]!)])
  const [head, tail = ''] = address.split('::') as [string, string?]
  const words = (s: string): number[] => (s === '' ? [] : s.split(':').map((w) => parseInt(w, 16)))
  const h = words(head)
  const t = address.includes('::') ? words(tail) : []
  const all = [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t]
  const out = Buffer.alloc(16)
  all.forEach((w, i) => out.writeUInt16BE(w, i * 2))
  return out
}

/** Unmapped IPv4 in IPv6 is shown as IPv4, as the kernel's own capture would. */
function family(address: string): 4 | 6 {
  return isIPv4(address) || /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? 4 : 6
}

function sum16(buf: Buffer, start = 0): number {
  let sum = start
  for (let i = 0; i + 1 < buf.length; i += 2) sum += buf.readUInt16BE(i)
  if (buf.length % 2 === 1) sum += buf[buf.length - 1]! << 8
  return sum
}

function fold(sum: number): number {
  let s = sum
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16)
  return ~s & 0xffff
}

function address4or6(address: string, v: 4 | 6): Buffer {
  const b = ipBytes(address)
  return v === 4 && b.length === 16 ? b.subarray(12) : b
}

/** IP header + transport segment, with the transport checksum over the pseudo-header. */
function ipPacket(ends: PacketEnds, proto: number, segment: Buffer, checksumAt: number): Buffer {
  const v = family(ends.srcAddress)
  const src = address4or6(ends.srcAddress, v)
  const dst = address4or6(ends.dstAddress, v)
  const pseudo = Buffer.alloc(v === 4 ? 12 : 40)
  src.copy(pseudo, 0)
  dst.copy(pseudo, src.length)
  if (v === 4) {
    pseudo[9] = proto
    pseudo.writeUInt16BE(segment.length, 10)
  } else {
    pseudo.writeUInt32BE(segment.length, 32)
    pseudo[39] = proto
  }
  segment.writeUInt16BE(0, checksumAt)
  const check = fold(sum16(segment, sum16(pseudo))) || (proto === IPPROTO_UDP ? 0xffff : 0)
  segment.writeUInt16BE(check, checksumAt)
  if (v === 4) {
    const ip = Buffer.alloc(20)
    ip[0] = 0x45
    ip.writeUInt16BE(20 + segment.length, 2)
    ip.writeUInt16BE(0x4000, 6) // don't fragment
    ip[8] = TTL
    ip[9] = proto
    src.copy(ip, 12)
    dst.copy(ip, 16)
    ip.writeUInt16BE(fold(sum16(ip)), 10)
    return Buffer.concat([ip, segment])
  }
  const ip = Buffer.alloc(40)
  ip.writeUInt32BE(0x60000000, 0)
  ip.writeUInt16BE(segment.length, 4)
  ip[6] = proto
  ip[7] = TTL
  src.copy(ip, 8)
  dst.copy(ip, 24)
  return Buffer.concat([ip, segment])
}

export interface TcpFields {
  readonly seq: number
  readonly ack: number
  readonly flags: number
}

export function tcpPacket(ends: PacketEnds, fields: TcpFields, payload: Buffer): Buffer {
  const tcp = Buffer.alloc(20 + payload.length)
  tcp.writeUInt16BE(ends.srcPort, 0)
  tcp.writeUInt16BE(ends.dstPort, 2)
  tcp.writeUInt32BE(fields.seq >>> 0, 4)
  tcp.writeUInt32BE(fields.ack >>> 0, 8)
  tcp[12] = 5 << 4
  tcp[13] = fields.flags
  tcp.writeUInt16BE(TCP_WINDOW, 14)
  payload.copy(tcp, 20)
  return ipPacket(ends, IPPROTO_TCP, tcp, 16)
}

export function udpPacket(ends: PacketEnds, payload: Buffer): Buffer {
  const udp = Buffer.alloc(8 + payload.length)
  udp.writeUInt16BE(ends.srcPort, 0)
  udp.writeUInt16BE(ends.dstPort, 2)
  udp.writeUInt16BE(udp.length, 4)
  payload.copy(udp, 8)
  return ipPacket(ends, IPPROTO_UDP, udp, 6)
}

export function reverse(ends: PacketEnds): PacketEnds {
  return {
    srcAddress: ends.dstAddress,
    srcPort: ends.dstPort,
    dstAddress: ends.srcAddress,
    dstPort: ends.srcPort
  }
}
