// Which processes and fds hold each socket inode (Linux, /proc/<pid>/fd). Reading every fd
// link of every process is the costly part of a table poll, so the cache keeps each
// process's fd → inode links and, per poll, reads only fds it has not seen; it scans at all
// only when the table holds inodes it cannot place, or every REFRESH_POLLS polls to notice
// sockets that changed hands (fork, fd passing). Unreadable processes (another user's,
// without root) are counted, not guessed.
import { readdir, readFile, readlink } from 'node:fs/promises'
import type { SocketOwner, SocketRow } from '../../shared/model'
import { attachOwners } from './row'

const REFRESH_POLLS = 10
const SOCKET_LINK = /^socket:\[(\d+)\]$/

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

  /** Gives fresh rows their owners; returns what could not be seen, as sentences. */
  async own(rows: SocketRow[]): Promise<string[]> {
    const lookup = await this.lookup(rows.map((r) => r.inode ?? 0))
    attachOwners(rows, lookup.owners)
    return lookup.unreadable > 0
      ? [
          `${lookup.unreadable} processes' fds are unreadable (another user's; run as root to see their owners)`
        ]
      : []
  }

  private async scan(full: boolean): Promise<void> {
    if (full) for (const entry of this.procs.values()) entry.fds.clear()
    const pids = (await readdir(this.procRoot)).filter((n) => /^\d+$/.test(n)).map(Number)
    const alive = new Set(pids)
    for (const pid of this.procs.keys()) if (!alive.has(pid)) this.procs.delete(pid)
    let unreadable = 0
    await Promise.all(
      pids.map(async (pid) => {
        if (!(await this.scanProcess(pid))) unreadable++
      })
    )
    this.unreadable = unreadable
    const owners = new Map<number, SocketOwner[]>()
    for (const [pid, entry] of this.procs) {
      for (const [fd, inode] of entry.fds) {
        if (inode === 0) continue
        const list = owners.get(inode) ?? []
        list.push({ pid, process: entry.comm, fd })
        owners.set(inode, list)
      }
    }
    for (const list of owners.values())
      list.sort((a, b) => a.pid - b.pid || (a.fd ?? 0) - (b.fd ?? 0))
    this.owners = owners
  }

  /** Reads the fds of one process, reusing the links of fds seen before. False if unreadable. */
  private async scanProcess(pid: number): Promise<boolean> {
    let names: string[]
    try {
      names = await readdir(`${this.procRoot}/${pid}/fd`)
    } catch {
      this.procs.delete(pid)
      return false
    }
    let entry = this.procs.get(pid)
    if (!entry) {
      entry = { comm: await comm(this.procRoot, pid), fds: new Map() }
      this.procs.set(pid, entry)
    }
    const current = new Set(names.map(Number))
    for (const fd of entry.fds.keys()) if (!current.has(fd)) entry.fds.delete(fd)
    await Promise.all(
      [...current]
        .filter((fd) => !entry.fds.has(fd))
        .map(async (fd) => {
          try {
            const link = await readlink(`${this.procRoot}/${pid}/fd/${fd}`)
            entry.fds.set(fd, Number(SOCKET_LINK.exec(link)?.[1] ?? 0))
          } catch {
            // Closed while we looked.
          }
        })
    )
    return true
  }
}

async function comm(root: string, pid: number): Promise<string> {
  try {
    return (await readFile(`${root}/${pid}/comm`, 'utf8')).trim()
  } catch {
    return '?'
  }
}
