// An echo session's logged bytes as the packets that carried them: TCP segments with the
// sequence numbers a capture would show (the handshake and the close synthesized, and said
// to be), UDP datagrams, or Unix-socket data as Wireshark's "exported PDU" link type. Every
// packet's comment names the process, pid, fd and session, as RustNet's annotated pcapng does.
import type { Direction, Session } from '../../shared/model'
import { formatEndpoint } from '../../shared/endpoint'
import type { LoggedChunk } from '../echo/traffic-log'
import {
  commentOption,
  enhancedPacketBlock,
  interfaceDescriptionBlock,
  LINKTYPE_RAW,
  LINKTYPE_WIRESHARK_UPPER_PDU,
  sectionHeaderBlock
} from './blocks'
import type { PacketEnds } from './packets'
import {
  MAX_SEGMENT_PAYLOAD,
  reverse,
  TCP_ACK,
  TCP_FIN,
  TCP_PSH,
  TCP_RST,
  TCP_SYN,
  tcpPacket,
  udpPacket
} from './packets'

export interface ProcessIdentity {
  readonly process: string
  readonly pid: number
}

export interface CapturedSession {
  readonly session: Session
  readonly chunks: readonly LoggedChunk[]
}

const IF_IP = 0
const IF_UNIX = 1
/** Exported-PDU tags (Wireshark's exported_pdu_tlvs.h). */
const EXP_PDU_TAG_DISSECTOR_NAME = 12
const EXP_PDU_TAG_P2P_DIRECTION = 35
const P2P_DIR_SENT = 0
const P2P_DIR_RECV = 1

interface Packet {
  readonly us: bigint
  readonly iface: number
  readonly data: Buffer
  readonly comment: string
}

/** A pcapng file holding every given session, packets in time order. */
export function sessionsToPcapng(
  sessions: readonly CapturedSession[],
  owner: ProcessIdentity,
  application: string
): Buffer {
  const packets = sessions.flatMap((s) => sessionPackets(s, owner))
  packets.sort((a, b) => (a.us < b.us ? -1 : a.us > b.us ? 1 : 0))
  const ids = sessions.map((s) => s.session.id).join(', ')
  return Buffer.concat([
    sectionHeaderBlock(
      application,
      `Socket Inspector sessions ${ids} of ${owner.process} (pid ${owner.pid})`
    ),
    interfaceDescriptionBlock(LINKTYPE_RAW, 'socket-inspector-ip'),
    interfaceDescriptionBlock(LINKTYPE_WIRESHARK_UPPER_PDU, 'socket-inspector-unix'),
    ...packets.map((p) => enhancedPacketBlock(p.iface, p.us, p.data, [commentOption(p.comment)]))
  ])
}

/** Timestamps in µs, strictly increasing within a session so the order survives sorting. */
class Clock {
  private last = -1n
  at(ms: number): bigint {
    const us = BigInt(Math.round(ms * 1000))
    this.last = us > this.last ? us : this.last + 1n
    return this.last
  }
}

function sessionPackets(captured: CapturedSession, owner: ProcessIdentity): Packet[] {
  const s = captured.session
  const tag = `${owner.process} pid ${owner.pid} fd ${s.fd ?? '-'} session ${s.id}`
  if (s.protocol === 'unix') return unixPackets(captured, tag)
  if (s.local.port === null || s.remote.port === null) return []
  // 'in' travels remote → local, 'out' local → remote.
  const out: PacketEnds = {
    srcAddress: s.local.address,
    srcPort: s.local.port,
    dstAddress: s.remote.address,
    dstPort: s.remote.port
  }
  const ends = { in: reverse(out), out }
  const clock = new Clock()
  if (s.protocol === 'udp') {
    return captured.chunks.map((c) => ({
      us: clock.at(c.at),
      iface: IF_IP,
      data: udpPacket(ends[c.dir], c.bytes),
      comment: `${tag} ${c.dir === 'in' ? 'received' : 'sent'}`
    }))
  }
  return tcpPackets(captured, ends, clock, tag)
}

function tcpPackets(
  captured: CapturedSession,
  ends: Record<Direction, PacketEnds>,
  clock: Clock,
  tag: string
): Packet[] {
  const s = captured.session
  // The side that connected sends the SYN: the peer for an accepted session, us for a client.
  const opener: Direction = s.role === 'client' ? 'out' : 'in'
  const other: Direction = opener === 'in' ? 'out' : 'in'
  const held = { in: 0, out: 0 }
  for (const c of captured.chunks) held[c.dir] += c.bytes.length
  // Bytes the bounded log let go of still used sequence numbers: the first held byte of a
  // direction follows them, and Wireshark shows the gap as "previous segment not captured".
  const lost = { in: Math.max(0, s.bytesIn - held.in), out: Math.max(0, s.bytesOut - held.out) }
  const isn = { [opener]: 1_000, [other]: 5_000 } as Record<Direction, number>
  const next = { in: isn.in + 1, out: isn.out + 1 }
  const packets: Packet[] = []
  const push = (dir: Direction, ms: number, flags: number, payload: Buffer, note: string): void => {
    const ack = flags & TCP_ACK ? next[dir === 'in' ? 'out' : 'in'] : 0
    packets.push({
      us: clock.at(ms),
      iface: IF_IP,
      data: tcpPacket(ends[dir], { seq: next[dir], ack, flags }, payload),
      comment: `${tag} ${note}`
    })
  }
  const none = Buffer.alloc(0)
  const opened = s.openedAt
  packets.push({
    us: clock.at(opened),
    iface: IF_IP,
    data: tcpPacket(ends[opener], { seq: isn[opener], ack: 0, flags: TCP_SYN }, none),
    comment: `${tag} synthesized: handshake SYN`
  })
  packets.push({
    us: clock.at(opened),
    iface: IF_IP,
    data: tcpPacket(
      ends[other],
      { seq: isn[other], ack: next[opener], flags: TCP_SYN | TCP_ACK },
      none
    ),
    comment: `${tag} synthesized: handshake SYN-ACK`
  })
  push(opener, opened, TCP_ACK, none, 'synthesized: handshake ACK')
  next.in += lost.in
  next.out += lost.out
  for (const c of captured.chunks) {
    for (let off = 0; off < c.bytes.length; off += MAX_SEGMENT_PAYLOAD) {
      const part = c.bytes.subarray(off, off + MAX_SEGMENT_PAYLOAD)
      push(c.dir, c.at, TCP_ACK | TCP_PSH, part, c.dir === 'in' ? 'received' : 'sent')
      next[c.dir] += part.length
    }
  }
  if (s.closedAt !== null) closePackets(s, s.closedAt, push, next)
  return packets
}

type Push = (dir: Direction, ms: number, flags: number, payload: Buffer, note: string) => void

function closePackets(s: Session, at: number, push: Push, next: Record<Direction, number>): void {
  const none = Buffer.alloc(0)
  if (s.closeReason === 'reset' || s.closeReason === 'error') {
    // Who reset is not known for 'error'; the app saw the connection end abortively.
    push(
      s.closeReason === 'reset' && s.role === 'client' ? 'out' : 'in',
      at,
      TCP_RST | TCP_ACK,
      none,
      'synthesized: reset'
    )
    return
  }
  // 'end': the peer closed first; any other reason: this app did.
  const first: Direction = s.closeReason === 'end' ? 'in' : 'out'
  const second: Direction = first === 'in' ? 'out' : 'in'
  push(first, at, TCP_FIN | TCP_ACK, none, 'synthesized: close FIN')
  next[first] += 1
  push(second, at, TCP_FIN | TCP_ACK, none, 'synthesized: close FIN')
  next[second] += 1
  push(first, at, TCP_ACK, none, 'synthesized: close ACK')
}

function unixPackets(captured: CapturedSession, tag: string): Packet[] {
  const s = captured.session
  const clock = new Clock()
  const where = `${formatEndpoint(s.local)} <-> ${formatEndpoint(s.remote)}`
  return captured.chunks.map((c) => ({
    us: clock.at(c.at),
    iface: IF_UNIX,
    data: Buffer.concat([exportedPduHeader(c.dir), c.bytes]),
    comment: `${tag} unix ${where} ${c.dir === 'in' ? 'received' : 'sent'}`
  }))
}

/** Tells Wireshark the payload is plain data and which way it went. */
function exportedPduHeader(dir: Direction): Buffer {
  const name = Buffer.from('data', 'ascii')
  const head = Buffer.alloc(4 + name.length + 8 + 4)
  head.writeUInt16BE(EXP_PDU_TAG_DISSECTOR_NAME, 0)
  head.writeUInt16BE(name.length, 2)
  name.copy(head, 4)
  let o = 4 + name.length
  head.writeUInt16BE(EXP_PDU_TAG_P2P_DIRECTION, o)
  head.writeUInt16BE(4, o + 2)
  head.writeUInt32BE(dir === 'out' ? P2P_DIR_SENT : P2P_DIR_RECV, o + 4)
  o += 8
  // EXP_PDU_TAG_END_OF_OPT: tag 0, length 0.
  head.writeUInt32BE(0, o)
  return head
}
