// Pure encoders and decoders for Linux sock_diag (NETLINK_SOCK_DIAG): inet_diag for TCP/UDP
// with TCP_INFO, unix_diag for Unix sockets. Layouts from linux/netlink.h, inet_diag.h,
// unix_diag.h and tcp.h; all fields are host-endian (little-endian here) except ports.
import type { SocketRow, TcpInfo, UnixSocketType } from '../../shared/model'
import { makeRow } from './row'
import { formatIpv6, inetStateName, TCP_STATES } from './procfs-inet'

export const AF_UNIX = 1
export const AF_INET = 2
export const AF_INET6 = 10
export const IPPROTO_TCP = 6
export const IPPROTO_UDP = 17
export const SOCK_DIAG_BY_FAMILY = 20
const NLM_F_REQUEST = 0x1
const NLM_F_DUMP = 0x300
export const NLMSG_ERROR = 2
export const NLMSG_DONE = 3
const NLMSG_HDRLEN = 16
/** inet_diag_req_v2 ext bit for INET_DIAG_INFO (struct tcp_info). */
const INET_DIAG_INFO = 2
const ALL_STATES = 0xffffffff
/** unix_diag_req show flags: name, peer, receive-queue lengths. */
const UDIAG_SHOW_NAME = 0x01
const UDIAG_SHOW_PEER = 0x04
const UDIAG_SHOW_RQLEN = 0x10
const UNIX_DIAG_NAME = 0
const UNIX_DIAG_PEER = 2
const UNIX_DIAG_RQLEN = 4

function header(buf: Buffer, length: number, seq: number): void {
  buf.writeUInt32LE(length, 0)
  buf.writeUInt16LE(SOCK_DIAG_BY_FAMILY, 4)
  buf.writeUInt16LE(NLM_F_REQUEST | NLM_F_DUMP, 6)
  buf.writeUInt32LE(seq, 8)
  buf.writeUInt32LE(0, 12)
}

/** nlmsghdr + inet_diag_req_v2 (56 bytes): dump every socket of a family and protocol. */
export function inetDiagRequest(family: number, protocol: number, seq: number): Buffer {
  const buf = Buffer.alloc(NLMSG_HDRLEN + 56)
  header(buf, buf.length, seq)
  buf.writeUInt8(family, 16)
  buf.writeUInt8(protocol, 17)
  buf.writeUInt8(protocol === IPPROTO_TCP ? 1 << (INET_DIAG_INFO - 1) : 0, 18)
  buf.writeUInt32LE(ALL_STATES, 20)
  return buf
}

/** nlmsghdr + unix_diag_req (24 bytes). */
export function unixDiagRequest(seq: number): Buffer {
  const buf = Buffer.alloc(NLMSG_HDRLEN + 24)
  header(buf, buf.length, seq)
  buf.writeUInt8(AF_UNIX, 16)
  buf.writeUInt32LE(ALL_STATES, 20)
  buf.writeUInt32LE(UDIAG_SHOW_NAME | UDIAG_SHOW_PEER | UDIAG_SHOW_RQLEN, 28)
  return buf
}

function ipv4(buf: Buffer, at: number): string {
  return `${buf[at]}.${buf[at + 1]}.${buf[at + 2]}.${buf[at + 3]}`
}

function ipv6(buf: Buffer, at: number): string {
  return formatIpv6(buf.subarray(at, at + 16))
}

/** struct tcp_info (linux/tcp.h) offsets of the fields the table shows. */
const TCPI = {
  state: 0,
  rtt: 68,
  bytesAcked: 120,
  bytesReceived: 128,
  bytesSent: 200,
  end: 208
} as const

/** Decodes struct tcp_info, as netlink's INET_DIAG_INFO and getsockopt(TCP_INFO) give it. */
export function decodeTcpInfo(buf: Buffer, at: number, length: number): TcpInfo | null {
  if (length < TCPI.end) return null
  return {
    rttMs: buf.readUInt32LE(at + TCPI.rtt) / 1000,
    bytesAcked: Number(buf.readBigUInt64LE(at + TCPI.bytesAcked)),
    bytesReceived: Number(buf.readBigUInt64LE(at + TCPI.bytesReceived)),
    bytesSent: Number(buf.readBigUInt64LE(at + TCPI.bytesSent))
  }
}

/** tcpi_state: the kernel's TCP state number. */
export function tcpInfoState(buf: Buffer, at: number): string | null {
  return TCP_STATES[buf[at + TCPI.state]!] ?? null
}

/**
 * Walks the netlink messages of one recv(): calls `each` with the payload offset and the
 * message's end, and says whether the dump ended (NLMSG_DONE) or failed (NLMSG_ERROR).
 */
function walk(
  buf: Buffer,
  length: number,
  each: (at: number, end: number) => void
): { done: boolean; error: number | null } {
  let off = 0
  while (off + NLMSG_HDRLEN <= length) {
    const len = buf.readUInt32LE(off)
    const type = buf.readUInt16LE(off + 4)
    if (len < NLMSG_HDRLEN) break
    if (type === NLMSG_DONE) return { done: true, error: null }
    if (type === NLMSG_ERROR) return { done: true, error: -buf.readInt32LE(off + NLMSG_HDRLEN) }
    each(off + NLMSG_HDRLEN, off + len)
    off += (len + 3) & ~3
  }
  return { done: false, error: null }
}

export interface DiagMessages {
  readonly rows: SocketRow[]
  readonly done: boolean
  readonly error: number | null
}

/** Decodes one recv() of an inet_diag dump: inet_diag_msg (72 bytes) + attributes. */
export function parseInetDiag(
  buf: Buffer,
  length: number,
  protocol: 'tcp' | 'udp',
  rows: SocketRow[]
): DiagMessages {
  const result = walk(buf, length, (m, end) => {
    const six = buf[m] === AF_INET6
    const local = six ? ipv6(buf, m + 8) : ipv4(buf, m + 8)
    const remote = six ? ipv6(buf, m + 24) : ipv4(buf, m + 24)
    const remotePort = buf.readUInt16BE(m + 6)
    const inode = buf.readUInt32LE(m + 68)
    const noPeer = remotePort === 0 && (remote === '0.0.0.0' || remote === '::')
    let tcpInfo: SocketRow['tcpInfo'] = null
    // Attributes follow the 72-byte message, each 4-byte aligned.
    for (let a = m + 72; a + 4 <= end;) {
      const alen = buf.readUInt16LE(a)
      if (alen < 4) break
      if (buf.readUInt16LE(a + 2) === INET_DIAG_INFO) tcpInfo = decodeTcpInfo(buf, a + 4, alen - 4)
      a += (alen + 3) & ~3
    }
    rows.push(
      makeRow({
        protocol,
        family: six ? 'ipv6' : 'ipv4',
        localAddress: local,
        localPort: buf.readUInt16BE(m + 4),
        remoteAddress: noPeer ? null : remote,
        remotePort: noPeer ? null : remotePort,
        state: inetStateName(protocol, buf[m + 1]!),
        recvQueue: buf.readUInt32LE(m + 56),
        sendQueue: buf.readUInt32LE(m + 60),
        uid: buf.readUInt32LE(m + 64),
        inode: inode > 0 ? inode : null,
        tcpInfo,
        owners: []
      })
    )
  })
  return { rows, ...result }
}

const UNIX_TYPES: Readonly<Record<number, UnixSocketType>> = {
  1: 'stream',
  2: 'dgram',
  5: 'seqpacket'
}

/** Decodes one recv() of a unix_diag dump: unix_diag_msg (16 bytes) + attributes. */
export function parseUnixDiag(buf: Buffer, length: number, rows: SocketRow[]): DiagMessages {
  const result = walk(buf, length, (m, end) => {
    const stateNum = buf[m + 2]!
    let name = ''
    let peer: number | null = null
    let recvQ: number | null = null
    let sendQ: number | null = null
    for (let a = m + 16; a + 4 <= end;) {
      const alen = buf.readUInt16LE(a)
      const atype = buf.readUInt16LE(a + 2)
      if (alen < 4) break
      if (atype === UNIX_DIAG_NAME) {
        // Abstract names start with NUL; ss shows them with "@".
        const raw = buf.subarray(a + 4, a + alen)
        name =
          raw[0] === 0
            ? `@${raw.subarray(1).toString('utf8')}`
            : raw.toString('utf8').replace(/\0+$/, '')
      } else if (atype === UNIX_DIAG_PEER) {
        peer = buf.readUInt32LE(a + 4) || null
      } else if (atype === UNIX_DIAG_RQLEN) {
        recvQ = buf.readUInt32LE(a + 4)
        sendQ = buf.readUInt32LE(a + 8)
      }
      a += (alen + 3) & ~3
    }
    rows.push(
      makeRow({
        protocol: 'unix',
        family: 'unix',
        unixType: UNIX_TYPES[buf[m + 1]!] ?? null,
        localAddress: name,
        localPort: null,
        remoteAddress: null,
        remotePort: null,
        // TCP_LISTEN (10) and TCP_ESTABLISHED (1) are what unix_diag reports; 7 is unconnected.
        state: stateNum === 10 ? 'LISTEN' : stateNum === 1 ? 'ESTABLISHED' : 'UNCONN',
        recvQueue: recvQ,
        sendQueue: sendQ,
        inode: buf.readUInt32LE(m + 4),
        peerInode: peer,
        owners: []
      })
    )
  })
  return { rows, ...result }
}

// ── SOCK_DESTROY and the port view's details (actions room) ──────────────────────────────

/** Kills one socket the way `ss -K` does (needs CONFIG_INET_DIAG_DESTROY and CAP_NET_ADMIN). */
export const SOCK_DESTROY = 21
const NLM_F_ACK = 0x4
/** idiag_cookie meaning "any socket with this 4-tuple". */
const INET_DIAG_NOCOOKIE = 0xffffffff
/** Sent for AF_INET6 sockets in LISTEN or CLOSE: IPV6_V6ONLY. */
const INET_DIAG_SKV6ONLY = 11

export interface DiagTuple {
  readonly family: number
  readonly protocol: number
  readonly localAddress: string
  readonly localPort: number
  readonly remoteAddress: string
  readonly remotePort: number
}

function writeAddress(buf: Buffer, at: number, family: number, address: string): void {
  if (family === AF_INET) {
    address.split('.').forEach((part, i) => buf.writeUInt8(Number(part), at + i))
    return
  }
  const groups = expandIpv6(address)
  groups.forEach((g, i) => buf.writeUInt16BE(g, at + i * 2))
}

/** "::ffff:127.0.0.1" or "fe80::1" → eight 16-bit groups. */
export function expandIpv6(address: string): number[] {
  let text = address
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number]
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head = '', tail] = text.split('::')
  const parse = (s: string): number[] => (s === '' ? [] : s.split(':').map((h) => parseInt(h, 16)))
  const front = parse(head)
  const back = tail === undefined ? [] : parse(tail)
  const zeros = new Array<number>(Math.max(0, 8 - front.length - back.length)).fill(0)
  return [...front, ...zeros, ...back].slice(0, 8)
}

/** nlmsghdr + inet_diag_req_v2 naming one socket by its 4-tuple, for SOCK_DESTROY. */
export function inetDestroyRequest(tuple: DiagTuple, seq: number): Buffer {
  const buf = Buffer.alloc(NLMSG_HDRLEN + 56)
  buf.writeUInt32LE(buf.length, 0)
  buf.writeUInt16LE(SOCK_DESTROY, 4)
  buf.writeUInt16LE(NLM_F_REQUEST | NLM_F_ACK, 6)
  buf.writeUInt32LE(seq, 8)
  buf.writeUInt8(tuple.family, 16)
  buf.writeUInt8(tuple.protocol, 17)
  buf.writeUInt32LE(ALL_STATES, 20)
  buf.writeUInt16BE(tuple.localPort, 24)
  buf.writeUInt16BE(tuple.remotePort, 26)
  writeAddress(buf, 28, tuple.family, tuple.localAddress)
  writeAddress(buf, 44, tuple.family, tuple.remoteAddress)
  buf.writeUInt32LE(INET_DIAG_NOCOOKIE, 64)
  buf.writeUInt32LE(INET_DIAG_NOCOOKIE, 68)
  return buf
}

/** The errno of a netlink ACK (0 = done), or null when the reply holds no ACK. */
export function parseAck(buf: Buffer, length: number): number | null {
  const result = walk(buf, length, () => undefined)
  return result.error
}

/** What the port view needs beyond a table row: v6only and the kernel's timer. */
export interface DiagDetail {
  readonly protocol: 'tcp' | 'udp'
  readonly localAddress: string
  readonly localPort: number
  readonly remoteAddress: string
  readonly remotePort: number
  readonly state: string | null
  readonly inode: number | null
  readonly uid: number
  /** IPV6_V6ONLY of an AF_INET6 socket in LISTEN or CLOSE; null where the kernel does not say. */
  readonly v6only: boolean | null
  /** Milliseconds until the socket's timer fires (TIME_WAIT's end), when one runs. */
  readonly expiresMs: number | null
}

/** Decodes one recv() of an inet_diag dump into details, keeping only sockets on `port`. */
export function parseInetDiagDetail(
  buf: Buffer,
  length: number,
  protocol: 'tcp' | 'udp',
  port: number,
  out: DiagDetail[]
): { done: boolean; error: number | null } {
  return walk(buf, length, (m, end) => {
    const localPort = buf.readUInt16BE(m + 4)
    if (localPort !== port) return
    const six = buf[m] === AF_INET6
    let v6only: boolean | null = null
    for (let a = m + 72; a + 4 <= end;) {
      const alen = buf.readUInt16LE(a)
      if (alen < 4) break
      if (buf.readUInt16LE(a + 2) === INET_DIAG_SKV6ONLY) v6only = buf[a + 4] === 1
      a += (alen + 3) & ~3
    }
    const inode = buf.readUInt32LE(m + 68)
    out.push({
      protocol,
      localAddress: six ? ipv6(buf, m + 8) : ipv4(buf, m + 8),
      localPort,
      remoteAddress: six ? ipv6(buf, m + 24) : ipv4(buf, m + 24),
      remotePort: buf.readUInt16BE(m + 6),
      state: inetStateName(protocol, buf[m + 1]!),
      inode: inode > 0 ? inode : null,
      uid: buf.readUInt32LE(m + 64),
      v6only,
      expiresMs: buf[m + 2] !== 0 ? buf.readUInt32LE(m + 52) : null
    })
  })
}

/** An inet_diag dump request without TCP_INFO: the port view's lighter ask. */
export function inetDiagDetailRequest(family: number, protocol: number, seq: number): Buffer {
  const buf = inetDiagRequest(family, protocol, seq)
  buf.writeUInt8(0, 18)
  return buf
}
