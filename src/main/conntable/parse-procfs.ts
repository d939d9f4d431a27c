// Linux /proc/net/{tcp,tcp6,udp,udp6,unix} as SocketRows. Owners come separately, from
// /proc/<pid>/fd (owners.ts); here they are empty.
import type { SocketRow, UnixSocketType } from '../../shared/model'
import type { InetProtocol } from './procfs-inet'
import { parseProcNetInet } from './procfs-inet'
import { makeRow } from './row'

const WILDCARD = new Set(['0.0.0.0', '::'])

export function procInetRows(
  text: string,
  protocol: InetProtocol,
  family: 'ipv4' | 'ipv6'
): SocketRow[] {
  return parseProcNetInet(text, protocol, family).map((r) => {
    // Port 0 on a wildcard address is "no peer" (a listener, an unconnected UDP socket).
    const noPeer = r.remotePort === 0 && WILDCARD.has(r.remoteAddress)
    return makeRow({
      protocol,
      family,
      localAddress: r.localAddress,
      localPort: r.localPort,
      remoteAddress: noPeer ? null : r.remoteAddress,
      remotePort: noPeer ? null : r.remotePort,
      state: r.state,
      sendQueue: r.sendQueue,
      recvQueue: r.recvQueue,
      inode: r.inode > 0 ? r.inode : null,
      uid: r.uid,
      owners: []
    })
  })
}

const UNIX_TYPES: Readonly<Record<number, UnixSocketType>> = {
  1: 'stream',
  2: 'dgram',
  5: 'seqpacket'
}
/** __SO_ACCEPTCON: the socket listens. */
const ACCEPTING = 0x10000
/** socket.h's SS_* states as /proc/net/unix prints them. */
const UNIX_STATES: Readonly<Record<number, string>> = {
  1: 'UNCONN',
  2: 'SYN_SENT',
  3: 'ESTABLISHED',
  4: 'CLOSING'
}

export function procUnixRows(text: string): SocketRow[] {
  const rows: SocketRow[] = []
  for (const line of text.split('\n')) {
    // Num RefCount Protocol Flags Type St Inode [Path]
    const m =
      /^\s*[0-9a-f]+:\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+(\d+)(?: (.*))?$/i.exec(
        line
      )
    if (!m) continue
    const flags = parseInt(m[1]!, 16)
    const state = flags & ACCEPTING ? 'LISTEN' : (UNIX_STATES[parseInt(m[3]!, 16)] ?? null)
    rows.push(
      makeRow({
        protocol: 'unix',
        family: 'unix',
        unixType: UNIX_TYPES[parseInt(m[2]!, 16)] ?? null,
        localAddress: m[5] ?? '',
        localPort: null,
        remoteAddress: null,
        remotePort: null,
        state,
        sendQueue: null,
        recvQueue: null,
        inode: Number(m[4]),
        owners: []
      })
    )
  }
  return rows
}
