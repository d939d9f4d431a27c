// Which processes and fds hold each socket inode (Linux, /proc/<pid>/fd). Reading every fd
// link of every process is the costly part of a table poll, so the cache keeps each
// process's fd → inode links and the owners they make, and changes both only where a link
// came or went. A poll scans at all only when the table holds inodes it cannot place (then
// only processes whose fd count changed; a socket still unplaced a poll later gets a
// thorough scan), or every REFRESH_POLLS polls to notice sockets that changed hands.
// Unreadable processes (another user's, without root) are counted, not guessed.
//
// The calls are synchronous on purpose: /proc answers from memory, and a promise per fd
// link sent 20,000 readlinks through libuv's thread pool, which made the first poll 6–9×
// slower than the same calls made in a loop (issue 14). The scan yields to the event loop
// every SCAN_SLICE_MS so a first poll does not hold the loop for its whole length.
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs'
import type { SocketOwner, SocketRow } from '../../shared/model'
import { SAID_IDS, worded } from '../../shared/said'
import type { Worded } from '../../shared/said'
import { attachOwners } from './row'

/** Every this many polls, processes are listed again even when no socket is unplaced. */
export const REFRESH_POLLS = 10
/** How long the scan runs before it lets other work in. */
const SCAN_SLICE_MS = 8
const SOCKET_PREFIX = 'socket:['

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** The inode of a "socket:[12345]" link; 0 for any other link. */
function socketInode(link: string): number {
  return link.startsWith(SOCKET_PREFIX) ? Number(link.slice(SOCKET_PREFIX.length, -1)) || 0 : 0
}

/** How many fds a process has open (Linux ≥ 6.2 gives it as the fd folder's size), or -1. */
function fdCount(dir: string): number {
  try {
    return statSync(dir).size || -1
  } catch {
    return -1
  }
}

interface ProcEntry {
  readonly comm: string
  /** fd → inode (0 for an fd that is not a socket). */
  readonly fds: Map<number, number>
  /** The fd count when the fds were last listed (-1: unknown). */
  count: number
}

export interface OwnerLookup {
  readonly owners: ReadonlyMap<number, readonly SocketOwner[]>
  /** Processes whose fds could not be read. */
  readonly unreadable: number
  /** Whether this lookup scanned /proc (false: answered from the cache). */
  readonly scanned: boolean
}

const byPidFd = (a: SocketOwner, b: SocketOwner): number =>
  a.pid - b.pid || (a.fd ?? 0) - (b.fd ?? 0)

export class OwnerCache {
  private readonly procs = new Map<number, ProcEntry>()
  /** inode → owners. Lists are replaced, never changed: rows already shown hold them. */
  private readonly owners = new Map<number, readonly SocketOwner[]>()
  /** Inodes a scan could not place (another user's, or held by no process) → last poll seen. */
  private readonly unplaced = new Map<number, number>()
  /**
   * Inodes last poll's cheap scan could not place. Most are sockets that lived less than a
   * poll (gone before the scan); those still here get one thorough scan, a poll later.
   */
  private readonly retry = new Set<number>()
  private unreadable = 0
  private polls = 0

  constructor(private readonly procRoot = '/proc') {}

  async lookup(inodes: Iterable<number>): Promise<OwnerLookup> {
    this.polls++
    const refresh = this.polls % REFRESH_POLLS === 0
    const wanted: number[] = []
    for (const i of inodes) if (i > 0) wanted.push(i)
    const missing = (): number[] =>
      wanted.filter((i) => !this.owners.has(i) && !this.unplaced.has(i))
    let placed = true
    for (const i of wanted) {
      if (this.owners.has(i)) continue
      if (this.unplaced.has(i)) this.unplaced.set(i, this.polls)
      else placed = false
    }
    // Inodes gone from the table need no more remembering.
    for (const [inode, poll] of this.unplaced) if (poll !== this.polls) this.unplaced.delete(inode)
    const again = [...this.retry].filter((i) => this.unplaced.get(i) === this.polls)
    this.retry.clear()
    if (placed && !refresh && again.length === 0) {
      return { owners: this.owners, unreadable: this.unreadable, scanned: false }
    }
    const present = new Set(wanted)
    const stale = (inode: number): boolean => inode === 0 || !present.has(inode)
    // Links read before this lookup may be stale; with none (the first poll), none are.
    const cached = this.procs.size > 0
    if (!cached || refresh) await this.scan(null, refresh ? null : new Set(missing()), false)
    // A new socket mostly comes with a new fd: processes whose fd count changed are listed.
    // This process's own sockets (the app's sessions) must be placed in this poll, so its
    // fds are read again where a cached link may be stale (see below).
    else if (!placed) {
      const until = new Set(missing())
      await this.scan(null, until, true)
      if (until.size > 0 && this.procRoot === '/proc') this.scanProcess(process.pid, stale, until)
    }
    // Sockets that outlived a poll unplaced get a thorough scan. An fd number reused for a
    // new socket still reads as its old link in the cache: such an fd is cached as a
    // non-socket (0) or as a socket the table no longer has, so those links are read again;
    // an fd whose socket is still in the table is left alone (the refresh catches the rest).
    if (again.length > 0) {
      for (const i of again) this.unplaced.delete(i)
      await this.scan(stale, new Set(again), false)
    }
    for (const inode of missing()) {
      this.unplaced.set(inode, this.polls)
      // A refresh poll's scan too: it reads new fds only, so a new socket on a reused fd
      // number (cached with its old socket) needs the thorough scan a poll later as well.
      if (cached && !again.includes(inode)) this.retry.add(inode)
    }
    return { owners: this.owners, unreadable: this.unreadable, scanned: true }
  }

  /** Every socket's owners, read now (for a one-shot read that has no rows in hand yet). */
  async lookupAll(): Promise<OwnerLookup> {
    await this.scan(null, null, false)
    return { owners: this.owners, unreadable: this.unreadable, scanned: true }
  }

  /** Gives fresh rows their owners; returns what could not be seen, as sentences. */
  async own(rows: SocketRow[]): Promise<Worded[]> {
    const lookup = await this.lookup(rows.map((r) => r.inode ?? 0))
    attachOwners(rows, lookup.owners)
    return blindness(lookup)
  }

  /**
   * Lists processes' fds, reading the links of new fds and of those whose cached inode is
   * `stale`. With `until`, processes whose fd count changed go first and the scan stops
   * once every inode in it has an owner.
   */
  private async scan(
    stale: ((inode: number) => boolean) | null,
    until: Set<number> | null,
    changedOnly: boolean
  ): Promise<void> {
    const pids = readdirSync(this.procRoot)
      .filter((n) => n.charCodeAt(0) >= 48 && n.charCodeAt(0) <= 57)
      .map(Number)
    const alive = new Set(pids)
    for (const pid of this.procs.keys()) if (!alive.has(pid)) this.forget(pid)
    const order = until ? this.likelyFirst(pids, changedOnly) : pids
    let unreadable = 0
    let slice = performance.now()
    let complete = true
    for (const pid of order) {
      if (!this.scanProcess(pid, stale, until)) unreadable++
      if (until && until.size === 0) {
        complete = false
        break
      }
      if (performance.now() - slice > SCAN_SLICE_MS) {
        await yieldToLoop()
        slice = performance.now()
      }
    }
    // A scan that stopped early, or looked at some processes only, did not see them all.
    if (complete && !changedOnly) this.unreadable = unreadable
  }

  /** Processes whose fd count changed since they were listed (or are new) first, or only. */
  private likelyFirst(pids: number[], changedOnly: boolean): number[] {
    const changed: number[] = []
    const rest: number[] = []
    for (const pid of pids) {
      const entry = this.procs.get(pid)
      const count = entry ? fdCount(`${this.procRoot}/${pid}/fd`) : -1
      if (!entry || count < 0 || count !== entry.count) changed.push(pid)
      else rest.push(pid)
    }
    return changedOnly ? changed : changed.concat(rest)
  }

  /** Lists one process's fds and updates its links. False if its fds are unreadable. */
  private scanProcess(
    pid: number,
    stale: ((inode: number) => boolean) | null,
    until: Set<number> | null
  ): boolean {
    const dir = `${this.procRoot}/${pid}/fd`
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch (err) {
      this.forget(pid)
      // A process that exited since /proc was listed is gone, not hidden from us.
      return (err as NodeJS.ErrnoException).code === 'ENOENT'
    }
    let entry = this.procs.get(pid)
    if (!entry) {
      entry = { comm: comm(this.procRoot, pid), fds: new Map(), count: -1 }
      this.procs.set(pid, entry)
    }
    entry.count = names.length
    const fds = entry.fds
    // Every listed fd already known and as many listed as known: none closed, so a process
    // with 10,000 unchanged fds costs its listing and nothing more.
    let known = 0
    for (const name of names) if (fds.has(Number(name))) known++
    if (stale || known < fds.size) {
      const current = new Set(names.map(Number))
      for (const [fd, inode] of fds) {
        if (current.has(fd) && !(stale && stale(inode))) continue
        fds.delete(fd)
        this.unlink(inode, pid, fd)
      }
    }
    if (known === names.length && !stale) return true
    for (const name of names) {
      const fd = Number(name)
      if (fds.has(fd)) continue
      let inode: number
      try {
        inode = socketInode(readlinkSync(`${dir}/${name}`))
      } catch {
        continue // Closed while we looked.
      }
      fds.set(fd, inode)
      if (inode === 0) continue
      this.link(inode, { pid, process: entry.comm, fd })
      until?.delete(inode)
    }
    return true
  }

  private link(inode: number, owner: SocketOwner): void {
    const list = this.owners.get(inode)
    this.owners.set(inode, list ? [...list, owner].sort(byPidFd) : [owner])
  }

  private unlink(inode: number, pid: number, fd: number): void {
    if (inode === 0) return
    const list = this.owners.get(inode)
    if (!list) return
    const rest = list.filter((o) => o.pid !== pid || o.fd !== fd)
    if (rest.length > 0) this.owners.set(inode, rest)
    else this.owners.delete(inode)
  }

  private forget(pid: number): void {
    const entry = this.procs.get(pid)
    if (!entry) return
    for (const [fd, inode] of entry.fds) this.unlink(inode, pid, fd)
    this.procs.delete(pid)
  }
}

/** What a lookup could not see, as sentences for the table's status. */
export function blindness(lookup: OwnerLookup): Worded[] {
  const n = lookup.unreadable
  return n > 0
    ? [
        worded(
          SAID_IDS.noteFdsUnreadable,
          { n },
          `${n} processes' fds are unreadable (another user's; run as root to see their owners)`
        )
      ]
    : []
}

function comm(root: string, pid: number): string {
  try {
    return readFileSync(`${root}/${pid}/comm`, 'utf8').trim()
  } catch {
    return '?'
  }
}
