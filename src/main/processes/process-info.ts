// Who a process is: name, user, command line, executable and parent chain. Linux reads
// /proc/<pid>/{stat,status,cmdline,exe}; other systems answer with what the table's source
// gave (name and pid) and nulls, never guesses. Answers are cached per pid for a short
// while (a pid can be reused), bounded by PROCESS_CACHE_LIMIT.
import { readFile, readlink } from 'node:fs/promises'

/** Processes whose answers are kept; the oldest go first. */
export const PROCESS_CACHE_LIMIT = 2_048
/** How long an answer is reused: command lines rarely change, pids are rarely reused so soon. */
export const PROCESS_INFO_TTL_MS = 10_000
/** Parent chains stop here (a loop in a corrupt answer must end). */
export const MAX_PARENT_DEPTH = 32
/** Command lines longer than this are cut (a shell can pass megabytes). */
export const MAX_COMMAND_CHARS = 4_096

export interface ProcessInfo {
  readonly pid: number
  readonly name: string | null
  readonly ppid: number | null
  readonly uid: number | null
  readonly user: string | null
  readonly command: string | null
  readonly exe: string | null
}

/** A process with its ancestors, nearest first (parent, grandparent, … up to init). */
export interface ProcessDetails extends ProcessInfo {
  readonly parents: readonly { readonly pid: number; readonly name: string | null }[]
}

/** `/proc/<pid>/stat`: "pid (comm) state ppid …"; comm may hold spaces and parentheses. */
export function parseStat(text: string): { name: string; ppid: number } | null {
  const open = text.indexOf('(')
  const close = text.lastIndexOf(')')
  if (open < 0 || close < open) return null
  const rest = text.slice(close + 2).split(' ')
  const ppid = Number(rest[1])
  return Number.isInteger(ppid) ? { name: text.slice(open + 1, close), ppid } : null
}

/** The real uid from `/proc/<pid>/status` ("Uid:\treal\teffective\tsaved\tfs"). */
export function parseStatusUid(text: string): number | null {
  const m = /^Uid:\s+(\d+)/m.exec(text)
  return m ? Number(m[1]) : null
}

/** /etc/passwd → uid → user name. */
export function parsePasswd(text: string): Map<number, string> {
  const users = new Map<number, string>()
  for (const line of text.split('\n')) {
    const [name, , uid] = line.split(':')
    if (name && uid && /^\d+$/.test(uid) && !users.has(Number(uid))) users.set(Number(uid), name)
  }
  return users
}

async function readOr(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return null
  }
}

export class ProcessDirectory {
  private readonly cache = new Map<number, { info: ProcessInfo; until: number }>()
  private users: Promise<Map<number, string>> | null = null

  constructor(
    private readonly procRoot = '/proc',
    private readonly platform: NodeJS.Platform = process.platform,
    private readonly now: () => number = Date.now
  ) {}

  async info(pid: number): Promise<ProcessInfo> {
    const hit = this.cache.get(pid)
    if (hit && hit.until > this.now()) return hit.info
    const info = await this.read(pid)
    this.cache.delete(pid)
    if (this.cache.size >= PROCESS_CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!)
    this.cache.set(pid, { info, until: this.now() + PROCESS_INFO_TTL_MS })
    return info
  }

  async details(pid: number): Promise<ProcessDetails> {
    const info = await this.info(pid)
    const parents: { pid: number; name: string | null }[] = []
    const seen = new Set([pid])
    let next = info.ppid
    while (next !== null && next > 0 && !seen.has(next) && parents.length < MAX_PARENT_DEPTH) {
      seen.add(next)
      const p = await this.info(next)
      parents.push({ pid: next, name: p.name })
      next = p.ppid
    }
    return { ...info, parents }
  }

  private async read(pid: number): Promise<ProcessInfo> {
    const none: ProcessInfo = {
      pid,
      name: null,
      ppid: null,
      uid: null,
      user: null,
      command: null,
      exe: null
    }
    if (this.platform !== 'linux') return none
    const dir = `${this.procRoot}/${pid}`
    const [stat, status, cmdline, exe] = await Promise.all([
      readOr(`${dir}/stat`),
      readOr(`${dir}/status`),
      readOr(`${dir}/cmdline`),
      readlink(`${dir}/exe`).catch(() => null)
    ])
    if (stat === null) return none
    const parsed = parseStat(stat)
    const uid = status === null ? null : parseStatusUid(status)
    const args = (cmdline ?? '').split('\0').filter(Boolean).join(' ')
    return {
      pid,
      name: parsed?.name ?? null,
      ppid: parsed?.ppid ?? null,
      uid,
      user: uid === null ? null : ((await this.userNames()).get(uid) ?? String(uid)),
      // A kernel thread has no command line; show none rather than "".
      command: args ? args.slice(0, MAX_COMMAND_CHARS) : null,
      exe
    }
  }

  private userNames(): Promise<Map<number, string>> {
    this.users ??= readOr('/etc/passwd').then((t) => parsePasswd(t ?? ''))
    return this.users
  }
}
