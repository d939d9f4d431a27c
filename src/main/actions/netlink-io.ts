// The actions room's netlink calls: SOCK_DESTROY for one socket, and a dump of the sockets on
// one port with what the table's rows leave out (v6only, the TIME_WAIT timer). Same libc and
// sock_diag socket kind as the table's netlink source, opened per call: actions are rare.
import { loadLibc } from '../conntable/netlink-source'
import type { Libc } from '../conntable/netlink-source'
import {
  AF_INET,
  AF_INET6,
  inetDestroyRequest,
  inetDiagDetailRequest,
  IPPROTO_TCP,
  IPPROTO_UDP,
  parseAck,
  parseInetDiagDetail
} from '../conntable/sock-diag'
import type { DiagDetail, DiagTuple } from '../conntable/sock-diag'

const AF_NETLINK = 16
const SOCK_DGRAM = 2
const SOCK_CLOEXEC = 0o2000000
const NETLINK_SOCK_DIAG = 4
const RECV_BYTES = 64 * 1024
/** A dump still ends when the kernel misbehaves. */
const MAX_RECVS = 100_000

/** errno values the close path explains. */
export const ERRNO = { EPERM: 1, ENOENT: 2, EINVAL: 22, EOPNOTSUPP: 95 } as const

export class NetlinkError extends Error {
  constructor(
    readonly errno: number,
    what: string
  ) {
    super(`${what} failed (errno ${errno})`)
  }
}

async function withSocket<T>(fn: (c: Libc, fd: number) => T): Promise<T> {
  const c = await loadLibc()
  const fd = c.socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG)
  if (fd < 0) throw new NetlinkError(c.errno(), 'socket(AF_NETLINK)')
  try {
    return fn(c, fd)
  } finally {
    c.close(fd)
  }
}

/** Asks the kernel to destroy one socket; resolves to 0 or the errno the kernel answered. */
export function destroySocket(tuple: DiagTuple): Promise<number> {
  return withSocket((c, fd) => {
    const req = inetDestroyRequest(tuple, 1)
    if (c.send(fd, req, req.length, 0) < 0) throw new NetlinkError(c.errno(), 'send')
    const buf = Buffer.alloc(RECV_BYTES)
    const n = c.recv(fd, buf, buf.length, 0)
    if (n < 0) throw new NetlinkError(c.errno(), 'recv')
    return parseAck(buf, n) ?? 0
  })
}

/** Every TCP or UDP socket on `port` (both families), with v6only and timer. */
export function portDetails(port: number, protocol: 'tcp' | 'udp'): Promise<DiagDetail[]> {
  return withSocket((c, fd) => {
    const out: DiagDetail[] = []
    const buf = Buffer.alloc(RECV_BYTES)
    let seq = 1
    for (const family of [AF_INET, AF_INET6]) {
      const req = inetDiagDetailRequest(
        family,
        protocol === 'tcp' ? IPPROTO_TCP : IPPROTO_UDP,
        seq++
      )
      if (c.send(fd, req, req.length, 0) < 0) throw new NetlinkError(c.errno(), 'send')
      let done = false
      for (let i = 0; i < MAX_RECVS && !done; i++) {
        const n = c.recv(fd, buf, buf.length, 0)
        if (n < 0) throw new NetlinkError(c.errno(), 'recv')
        const r = parseInetDiagDetail(buf, n, protocol, port, out)
        if (r.error !== null) throw new NetlinkError(r.error, 'sock_diag dump')
        done = r.done
      }
    }
    return out
  })
}
