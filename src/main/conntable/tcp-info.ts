// getsockopt(TCP_INFO) on one of the app's own sockets (Linux): the kernel's counters for a
// session right now, without reading the whole table.
import type { KernelView } from '../../shared/model'
import { loadLibc } from './netlink-source'
import { decodeTcpInfo, IPPROTO_TCP, tcpInfoState } from './sock-diag'

const TCP_INFO = 11
/** Larger than any kernel's struct tcp_info; the kernel says how much it filled. */
const TCP_INFO_BYTES = 512

/** The kernel's view of a TCP socket by fd, or null where it cannot be read. */
export async function readTcpInfo(fd: number): Promise<KernelView | null> {
  if (process.platform !== 'linux') return null
  let libc
  try {
    libc = await loadLibc()
  } catch {
    return null
  }
  const buf = Buffer.alloc(TCP_INFO_BYTES)
  const length = [buf.length]
  if (libc.getsockopt(fd, IPPROTO_TCP, TCP_INFO, buf, length) !== 0) return null
  return {
    state: tcpInfoState(buf, 0),
    sendQueue: null,
    recvQueue: null,
    inode: null,
    tcpInfo: decodeTcpInfo(buf, 0, length[0]!),
    at: Date.now(),
    via: 'getsockopt'
  }
}
