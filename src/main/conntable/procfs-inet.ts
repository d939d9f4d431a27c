// Pure parser of Linux's /proc/net/{tcp,tcp6,udp,udp6}: text in, rows out.
import type { AddressFamily } from '../../shared/model'

export type InetProtocol = 'tcp' | 'udp'

/** The kernel's TCP states, by the number /proc/net/tcp shows (include/net/tcp_states.h). */
export const TCP_STATES: Readonly<Record<number, string>> = {
  1: 'ESTABLISHED',
  2: 'SYN_SENT',
  3: 'SYN_RECV',
  4: 'FIN_WAIT1',
  5: 'FIN_WAIT2',
  6: 'TIME_WAIT',
  7: 'CLOSE',
  8: 'CLOSE_WAIT',
  9: 'LAST_ACK',
  10: 'LISTEN',
  11: 'CLOSING',
  12: 'NEW_SYN_RECV'
}

/** The kernel's state number for an inet socket, as procfs prints it and netlink sends it. */
export function inetStateName(protocol: InetProtocol, state: number): string {
  if (protocol === 'udp') return state === 1 ? 'ESTABLISHED' : 'UNCONN'
  return TCP_STATES[state] ?? `UNKNOWN_${state}`
}

export interface ProcInetRow {
  readonly protocol: InetProtocol
  readonly family: AddressFamily
  readonly localAddress: string
  readonly localPort: number
  readonly remoteAddress: string
  readonly remotePort: number
  /** TCP: the state name; UDP: ESTABLISHED when connected, else UNCONN (as ss says). */
  readonly state: string
  readonly sendQueue: number
  readonly recvQueue: number
  readonly uid: number
  /** 0 for sockets no process holds any more (TIME_WAIT, orphans). */
  readonly inode: number
}

/** "0100007F" → "127.0.0.1": each 32-bit word is in the host's (little-endian) order. */
export function decodeProcAddress(hex: string): string {
  if (hex.length === 8) {
    const n = parseInt(hex, 16)
    return [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24].join('.')
  }
  if (hex.length !== 32) throw new Error(`not a /proc/net address: ${hex}`)
  const bytes: number[] = []
  for (let w = 0; w < 4; w++) {
    const n = parseInt(hex.slice(w * 8, w * 8 + 8), 16)
    bytes.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24)
  }
  return formatIpv6(bytes)
}

/** 16 bytes → RFC 5952 text; IPv4-mapped addresses as ss prints them. */
export function formatIpv6(bytes: ArrayLike<number>): string {
  // IPv4-mapped addresses read better the way ss prints them.
  const b = Array.from(bytes)
  if (b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff) {
    return `::ffff:${b.slice(12).join('.')}`
  }
  const words: number[] = []
  for (let i = 0; i < 16; i += 2) words.push((b[i]! << 8) | b[i + 1]!)
  // RFC 5952: the longest run (≥ 2) of zero words becomes "::".
  let bestStart = -1
  let bestLen = 0
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && words[j] === 0) j++
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i
      bestLen = j - i
    }
    i = j
  }
  const hex = words.map((w) => w.toString(16))
  if (bestStart < 0) return hex.join(':')
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`
}

export function parseProcNetInet(
  text: string,
  protocol: InetProtocol,
  family: 'ipv4' | 'ipv6'
): ProcInetRow[] {
  const rows: ProcInetRow[] = []
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/)
    // sl local rem st tx:rx tr:when retrnsmt uid timeout inode …
    if (f.length < 10 || !/^\d+:$/.test(f[0]!)) continue
    const [localHex, localPortHex] = f[1]!.split(':')
    const [remoteHex, remotePortHex] = f[2]!.split(':')
    const [txHex, rxHex] = f[4]!.split(':')
    const stateNum = parseInt(f[3]!, 16)
    rows.push({
      protocol,
      family,
      localAddress: decodeProcAddress(localHex!),
      localPort: parseInt(localPortHex!, 16),
      remoteAddress: decodeProcAddress(remoteHex!),
      remotePort: parseInt(remotePortHex!, 16),
      state: inetStateName(protocol, stateNum),
      sendQueue: parseInt(txHex!, 16),
      recvQueue: parseInt(rxHex!, 16),
      uid: Number(f[7]),
      inode: Number(f[9])
    })
  }
  return rows
}
