// Which process and fd own a socket inode, from /proc/<pid>/fd. Another user's processes
// are unreadable without root; they are skipped and counted, not guessed.
import { readdir, readFile, readlink } from 'node:fs/promises'

export interface SocketOwner {
  readonly pid: number
  readonly process: string
  readonly fd: number
}

export interface OwnerScan {
  readonly owners: ReadonlyMap<number, readonly SocketOwner[]>
  /** Processes whose fds could not be read (another user's, without root). */
  readonly unreadable: number
}

const SOCKET_LINK = /^socket:\[(\d+)\]$/

/** Scans every process, or only until the wanted inodes are all found. */
export async function scanSocketOwners(wanted?: ReadonlySet<number>): Promise<OwnerScan> {
  const owners = new Map<number, SocketOwner[]>()
  let unreadable = 0
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name))
  for (const pidName of pids) {
    let fds: string[]
    try {
      fds = await readdir(`/proc/${pidName}/fd`)
    } catch {
      unreadable++
      continue
    }
    let comm: string | null = null
    for (const fdName of fds) {
      let link: string
      try {
        link = await readlink(`/proc/${pidName}/fd/${fdName}`)
      } catch {
        continue // the fd closed while we looked
      }
      const inode = SOCKET_LINK.exec(link)?.[1]
      if (!inode) continue
      const key = Number(inode)
      if (wanted && !wanted.has(key)) continue
      comm ??= await processName(pidName)
      const list = owners.get(key) ?? []
      list.push({ pid: Number(pidName), process: comm, fd: Number(fdName) })
      owners.set(key, list)
    }
  }
  return { owners, unreadable }
}

async function processName(pid: string): Promise<string> {
  try {
    return (await readFile(`/proc/${pid}/comm`, 'utf8')).trim()
  } catch {
    return '?'
  }
}
