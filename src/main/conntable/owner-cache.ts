// Which processes and fds hold each socket inode (Linux, /proc/<pid>/fd). Reading every fd
// link of every process is the costly part of a table poll, so the cache keeps each
// process's fd → inode links and, per poll, reads only fds it has not seen; it scans at all
// only when the table holds inodes it cannot place, or every REFRESH_POLLS polls to notice
// sockets that changed hands (fork, fd passing). Unreadable processes (another user's,
// without root) are counted, not guessed.
//
// The calls are synchronous on purpose: /proc answers from memory, and a promise per fd
// link sent 20,000 readlinks through libuv's thread pool, which made the first poll 6–9×
// slower than the same calls made in a loop (issue 14). The scan yields to the event loop
// every SCAN_SLICE_MS so a first poll does not hold the loop for its whole length.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import type { SocketOwner, SocketRow } from '../../shared/model'
import { attachOwners } from './row'

const REFRESH_POLLS = 10
/** How long the scan runs before it lets other work in. */
const SCAN_SLICE_MS = 8
const SOCKET_PREFIX = 'socket:['

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** The inode of a "socket:[12345]" link; 0 for any other link. */
function socketInode(link: string): number {
  return link.startsWith(SOCKET_PREFIX) ? Number(link.slice(SOCKET_PREFIX.length, -1)) || 0 : 0
}

interface ProcEntry {
  comm: string
  /** fd → inode (0 for an fd that is not a socket). */
  readonly fds: Map<number, number>
}

export interface OwnerLookup {
  readonly owners: ReadonlyMap<number, readonly SocketOwner[]>
  /** Processes whose fds could not be read. */
  readonly unreadable: number
  /** Whether this lookup scanned /proc (false: answered from the cache). */
  readonly scanned: boolean
}

export class OwnerCache {
  private readonly procs = new Map<number, ProcEntry>()
  private owners = new Map<number, SocketOwner[]>()
  /** Inodes a full scan could not place (another user's, or held by no process). */
  private readonly unplaced = new Set<number>()
  private unreadable = 0
  private polls = 0

  constructor(private readonly procRoot = '/proc') {}

  async lookup(inodes: Iterable<number>): Promise<OwnerLookup> {
    this.polls++
    const refresh = this.polls % REFRESH_POLLS === 0
    const wanted = [...inodes].filter((i) => i > 0)
    // Inodes gone from the table need no more remembering.
    const present = new Set(wanted)
    for (const inode of this.unplaced) if (!present.has(inode)) this.unplaced.delete(inode)
    const missing = (): number[] =>
      wanted.filter((i) => !this.owners.has(i) && !this.unplaced.has(i))
    if (missing().length === 0 && !refresh) {
      return { owners: this.owners, unreadable: this.unreadable, scanned: false }
    }
    await this.scan(false)
    // Only an inode no scan has failed to place yet justifies re-reading every fd link
    // (an fd number reused for a new socket still reads as its old one in the cache).
    if (missing().length > 0) {
      await this.scan(true)
      for (const inode of missing()) this.unplaced.add(inode)
    }
    return { owners: this.owners, unreadable: this.unreadable, scanned: true }
  }

  /** Every socket's owners, read now (for a one-shot read that has no rows in hand yet). */
  async lookupAll(): Promise<OwnerLookup> {
    await this.scan(false)
    return { owners: this.owners, unreadable: this.unreadable, scanned: true }
  }

  /** Gives fresh rows their owners; returns what could not be seen, as sentences. */
  async own(rows: SocketRow[]): Promise<string[]> {
    const lookup = await this.lookup(rows.map((r) => r.inode ?? 0))
    attachOwners(rows, lookup.owners)
    return blindness(lookup)
  }

  private async scan(full: boolean): Promise<void> {
    if (full) for (const entry of this.procs.values()) entry.fds.clear()
    const pids = readdirSync(this.procRoot)
      .filter((n) => n.charCodeAt(0) >= 48 && n.charCodeAt(0) <= 57)
      .map(Number)
    const alive = new Set(pids)
    for (const pid of this.procs.keys()) if (!alive.has(pid)) this.procs.delete(pid)
    let unreadable = 0
    let slice = performance.now()
    for (const pid of pids) {
      if (!this.scanProcess(pid)) unreadable++
      if (performance.now() - slice > SCAN_SLICE_MS) {
        await yieldToLoop()
        slice = performance.now()
      }
    }
    this.unreadable = unreadable
    const owners = new Map<number, SocketOwner[]>()
    for (const [pid, entry] of this.procs) {
      for (const [fd, inode] of entry.fds) {
        if (inode === 0) continue
        const list = owners.get(inode)
        if (list) list.push({ pid, process: entry.comm, fd })
        else owners.set(inode, [{ pid, process: entry.comm, fd }])
      }
    }
    for (const list of owners.values())
      if (list.length > 1) list.sort((a, b) => a.pid - b.pid || (a.fd ?? 0) - (b.fd ?? 0))
    this.owners = owners
  }

  /** Reads the fds of one process, reusing the links of fds seen before. False if unreadable. */
  private scanProcess(pid: number): boolean {
    const dir = `${this.procRoot}/${pid}/fd`
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch (err) {
      this.procs.delete(pid)
      // A process that exited since /proc was listed is gone, not hidden from us.
      return (err as NodeJS.ErrnoException).code === 'ENOENT'
    }
    let entry = this.procs.get(pid)
    if (!entry) {
      entry = { comm: comm(this.procRoot, pid), fds: new Map() }
      this.procs.set(pid, entry)
    }
    const fds = entry.fds
    if (fds.size > 0) {
      const current = new Set(names.map(Number))
      for (const fd of fds.keys()) if (!current.has(fd)) fds.delete(fd)
    }
    for (const name of names) {
      const fd = Number(name)
      if (fds.has(fd)) continue
      try {
        fds.set(fd, socketInode(readlinkSync(`${dir}/${name}`)))
      } catch {
        // Closed while we looked.
      }
    }
    return true
  }
}

/** What a lookup could not see, as sentences for the table's status. */
export function blindness(lookup: OwnerLookup): string[] {
  return lookup.unreadable > 0
    ? [
        `${lookup.unreadable} processes' fds are unreadable (another user's; run as root to see their owners)`
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
