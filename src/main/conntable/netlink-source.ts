// Linux sock_diag over a netlink socket, called in-process through koffi: no child process,
// no compiled addon. It is the fast path; where it cannot run (koffi or the kernel module
// missing) the table falls back to procfs and says so.
import { ERROR_IDS } from '../../shared/error-ids'
import { InspectorFailure } from '../../shared/errors'
import type { SocketRow } from '../../shared/model'
import { blindness, OwnerCache } from './owner-cache'
import { blindOf } from './source'
import { attachOwners } from './row'
import { RowReuse } from './row-reuse'
import {
  AF_INET,
  AF_INET6,
  inetDiagRequest,
  IPPROTO_TCP,
  IPPROTO_UDP,
  parseInetDiag,
  parseUnixDiag,
  unixDiagRequest
} from './sock-diag'
import type { DiagMessages } from './sock-diag'
import type { SourceRead, TableSource } from './source'

const AF_NETLINK = 16
const SOCK_DGRAM = 2
const SOCK_CLOEXEC = 0o2000000
const NETLINK_SOCK_DIAG = 4
/** One recv() of a dump carries at most a few tens of KiB; this leaves room. */
const RECV_BYTES = 256 * 1024
/** A dump of a huge table still ends; this bounds a misbehaving one. */
const MAX_RECVS = 100_000

export const NETLINK_UNAVAILABLE = 'ENETLINK'

export interface Libc {
  socket(domain: number, type: number, protocol: number): number
  getsockopt(fd: number, level: number, name: number, value: Buffer, length: number[]): number
  send(fd: number, buf: Buffer, len: number, flags: number): number
  recv(fd: number, buf: Buffer, len: number, flags: number): number
  close(fd: number): number
  errno(): number
}

let libc: Promise<Libc> | null = null

export function loadLibc(): Promise<Libc> {
  libc ??= import('koffi').then((mod) => {
    // CommonJS through a dynamic import: the module is the default export or itself.
    const koffi = (mod as unknown as { default?: typeof mod }).default ?? mod
    const lib = koffi.load('libc.so.6')
    return {
      socket: lib.func('int socket(int, int, int)'),
      send: lib.func('long send(int, void *, size_t, int)'),
      recv: lib.func('long recv(int, void *, size_t, int)'),
      close: lib.func('int close(int)'),
      getsockopt: lib.func('int getsockopt(int, int, int, _Out_ void *, _Inout_ uint32_t *)'),
      errno: () => koffi.errno()
    }
  })
  return libc
}

/** Why netlink cannot run here; the table falls back on it (ConnTable's fallbackSource). */
export function netlinkUnavailable(why: string): InspectorFailure {
  return new InspectorFailure(
    NETLINK_UNAVAILABLE,
    `netlink sock_diag cannot be used here: ${why}.`,
    'The table reads /proc instead.',
    { id: ERROR_IDS.tableNetlinkUnavailable, params: { why } }
  )
}

/**
 * Sends one dump request and decodes every reply until NLMSG_DONE; `after` runs after each
 * recv() and may make the next one wait (the CLI's stdout pushing back).
 */
async function dump(
  c: Libc,
  fd: number,
  request: Buffer,
  buf: Buffer,
  decode: (buf: Buffer, n: number) => DiagMessages,
  after?: () => void | Promise<void>
): Promise<void> {
  if (c.send(fd, request, request.length, 0) < 0)
    throw netlinkUnavailable(`send failed (errno ${c.errno()})`)
  for (let i = 0; i < MAX_RECVS; i++) {
    const n = c.recv(fd, buf, buf.length, 0)
    if (n < 0) throw netlinkUnavailable(`recv failed (errno ${c.errno()})`)
    const result = decode(buf, n)
    if (result.error !== null) throw netlinkUnavailable(`the kernel answered errno ${result.error}`)
    const waiting = after?.()
    if (waiting) await waiting
    if (result.done) return
  }
  throw netlinkUnavailable('the dump did not end')
}

const DUMPS = [
  [AF_INET, IPPROTO_TCP, 'tcp'],
  [AF_INET6, IPPROTO_TCP, 'tcp'],
  [AF_INET, IPPROTO_UDP, 'udp'],
  [AF_INET6, IPPROTO_UDP, 'udp']
] as const

async function usableLibc(): Promise<Libc> {
  try {
    return await loadLibc()
  } catch (err) {
    libc = null
    throw netlinkUnavailable(err instanceof Error ? err.message : String(err))
  }
}

export class NetlinkSource implements TableSource {
  readonly id = 'netlink' as const
  private readonly owners = new OwnerCache()
  private readonly buf = Buffer.alloc(RECV_BYTES)
  /** Polls keep the rows of sockets that did not change (decode only what changed). */
  private readonly reuse = new RowReuse()
  private seq = 1

  async read(): Promise<SourceRead> {
    const rows: SocketRow[] = []
    try {
      await this.dumpAll(rows, undefined, undefined, this.reuse)
    } catch (err) {
      this.reuse.reset()
      throw err
    }
    this.reuse.turn()
    return { rows, ...blindOf(await this.owners.own(rows)) }
  }

  /**
   * The one-shot CLI's read: owners first, then every recv()'s rows handed to `each` as
   * they are decoded (with owners), so 20,000 sockets never sit in memory at once.
   * `each` gets the same array every time: it must use the rows before it returns (or
   * before the promise it returns settles: the dump waits for it).
   */
  async stream(
    each: (rows: readonly SocketRow[]) => void | Promise<void>
  ): Promise<readonly string[]> {
    const c = await usableLibc()
    const lookup = await this.owners.lookupAll()
    const batch: SocketRow[] = []
    await this.dumpAll(batch, c, async () => {
      attachOwners(batch, lookup.owners)
      await each(batch)
      batch.length = 0
    })
    return blindness(lookup).map((n) => n.text)
  }

  /** Every TCP, UDP and Unix socket into `rows`; `afterRecv` runs after each recv(). */
  private async dumpAll(
    rows: SocketRow[],
    known?: Libc,
    afterRecv?: () => void | Promise<void>,
    reuse?: RowReuse
  ): Promise<void> {
    const c = known ?? (await usableLibc())
    const fd = c.socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG)
    if (fd < 0) throw netlinkUnavailable(`socket() failed (errno ${c.errno()})`)
    try {
      for (const [family, protocol, name] of DUMPS) {
        const request = inetDiagRequest(family, protocol, this.seq++)
        const decode = (b: Buffer, n: number): DiagMessages =>
          parseInetDiag(b, n, name, rows, reuse)
        await dump(c, fd, request, this.buf, decode, afterRecv)
      }
      const decodeUnix = (b: Buffer, n: number): DiagMessages => parseUnixDiag(b, n, rows)
      await dump(c, fd, unixDiagRequest(this.seq++), this.buf, decodeUnix, afterRecv)
    } finally {
      c.close(fd)
    }
  }
}
