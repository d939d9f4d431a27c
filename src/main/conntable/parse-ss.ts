// Pure parser of iproute2's ss output (Linux): `ss -tuxanpiOH` and its relatives, with or
// without the header, one line per socket (-O) or with details on continuation lines.
import type {
  SocketOwner,
  SocketProtocol,
  SocketRow,
  TcpInfo,
  UnixSocketType
} from '../../shared/model'
import { familyOf, makeRow, splitHostPort } from './row'
import { normalizeState } from './states'

const NETIDS: Readonly<
  Record<string, { protocol: SocketProtocol; unixType: UnixSocketType | null }>
> = {
  tcp: { protocol: 'tcp', unixType: null },
  udp: { protocol: 'udp', unixType: null },
  u_str: { protocol: 'unix', unixType: 'stream' },
  u_dgr: { protocol: 'unix', unixType: 'dgram' },
  u_seq: { protocol: 'unix', unixType: 'seqpacket' }
}

/** `users:(("node",pid=27227,fd=19),("nginx",pid=812,fd=6))` → owners. */
export function parseUsers(text: string): SocketOwner[] {
  const owners: SocketOwner[] = []
  for (const m of text.matchAll(/\("((?:[^"\\]|\\.)*)",pid=(\d+),fd=(\d+)\)/g)) {
    owners.push({ process: m[1]!, pid: Number(m[2]), fd: Number(m[3]) })
  }
  return owners
}

function number(text: string, key: string): number | null {
  const m = new RegExp(`(?:^|\\s)${key}:(\\d+(?:\\.\\d+)?)`).exec(text)
  return m ? Number(m[1]) : null
}

function tcpInfoOf(extra: string): TcpInfo | null {
  const info: TcpInfo = {
    bytesSent: number(extra, 'bytes_sent'),
    bytesAcked: number(extra, 'bytes_acked'),
    bytesReceived: number(extra, 'bytes_received'),
    rttMs: number(extra, 'rtt')
  }
  return Object.values(info).some((v) => v !== null) ? info : null
}

/** The default protocol when ss was asked for one kind only (`ss -t`: no Netid column). */
export function parseSs(text: string, only: SocketProtocol = 'tcp'): SocketRow[] {
  const lines: string[] = []
  for (const line of text.split('\n')) {
    if (!line.trim() || /^(Netid|State)\s/.test(line)) continue
    // Without -O, details wrap onto lines that start with white space.
    if (/^\s/.test(line) && lines.length > 0) lines[lines.length - 1] += ` ${line.trim()}`
    else lines.push(line)
  }
  const rows: SocketRow[] = []
  for (const line of lines) {
    const tokens = line.trim().split(/\s+/)
    const netid = NETIDS[tokens[0]!]
    const kind = netid ?? (only === 'unix' ? NETIDS.u_str! : { protocol: only, unixType: null })
    const cols = tokens.slice(netid ? 1 : 0)
    const [stateWord, recvQ, sendQ] = cols
    if (!stateWord || recvQ === undefined) continue
    const unix = kind.protocol === 'unix'
    // Unix rows: "path inode peer-path peer-inode" ("*" is an unnamed end); inet: "local peer".
    const [local, localInode, peer, peerInode] = unix
      ? cols.slice(3, 7)
      : [cols[3], null, cols[4], null]
    if (local === undefined || peer === undefined) continue
    const extra = cols.slice(unix ? 7 : 5).join(' ')
    const base = {
      protocol: kind.protocol,
      state: normalizeState(stateWord),
      recvQueue: Number(recvQ),
      sendQueue: Number(sendQ),
      owners: parseUsers(extra),
      uid: number(extra, 'uid'),
      timer: /timer:\(([^)]*)\)/.exec(extra)?.[1] ?? null
    }
    if (unix) {
      rows.push(
        makeRow({
          ...base,
          family: 'unix',
          unixType: kind.unixType,
          localAddress: local === '*' ? '' : local,
          localPort: null,
          remoteAddress: peer === '*' ? null : peer,
          remotePort: null,
          inode: Number(localInode),
          peerInode: peerInode && peerInode !== '0' ? Number(peerInode) : null
        })
      )
      continue
    }
    const l = splitHostPort(local)
    const p = splitHostPort(peer)
    const address = l.address.replace(/%.*$/, '')
    rows.push(
      makeRow({
        ...base,
        family: familyOf(address),
        localAddress: address,
        localPort: l.port,
        // A wildcard peer ("0.0.0.0:*", "*:*") is no peer at all.
        remoteAddress: p.port === null ? null : p.address.replace(/%.*$/, ''),
        remotePort: p.port,
        inode: number(extra, 'ino'),
        tcpInfo: kind.protocol === 'tcp' ? tcpInfoOf(extra) : null
      })
    )
  }
  return rows
}
