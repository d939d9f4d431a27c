// What the bind verdict and the stop action need to know about this machine and its
// processes: privilege, the kernel's port settings, a process's user, name and command line.
// Linux reads /proc; other systems fall back to `ps` or to what is safe to assume.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { userInfo } from 'node:os'
import { promisify } from 'node:util'
import type { BindEnv } from './bind-verdict'

const run = promisify(execFile)
/** CAP_NET_BIND_SERVICE is bit 10 of the capability sets. */
const CAP_NET_BIND_SERVICE = 10n
/** Linux's defaults when /proc cannot be read. */
const LINUX_DEFAULTS = { lowPortLimit: 1024, ephemeral: [32768, 60999] as const }
/** IANA's dynamic range: macOS and Windows use it. */
const IANA_EPHEMERAL = [49152, 65535] as const

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return null
  }
}

async function effectiveCaps(): Promise<bigint | null> {
  const status = await readText('/proc/self/status')
  const m = status ? /^CapEff:\s*([0-9a-f]+)/m.exec(status) : null
  return m ? BigInt(`0x${m[1]}`) : null
}

export async function readBindEnv(blind: boolean): Promise<BindEnv> {
  const platform = process.platform
  const root = process.getuid?.() === 0
  if (platform !== 'linux') {
    // macOS (since 10.14) and Windows let any user bind a port below 1024.
    return {
      platform,
      lowPortLimit: 0,
      canBindLowPorts: true,
      defaultV6only: platform === 'win32' ? true : false,
      ephemeral: IANA_EPHEMERAL,
      blind
    }
  }
  const [start, range, v6, caps] = await Promise.all([
    readText('/proc/sys/net/ipv4/ip_unprivileged_port_start'),
    readText('/proc/sys/net/ipv4/ip_local_port_range'),
    readText('/proc/sys/net/ipv6/bindv6only'),
    effectiveCaps()
  ])
  const [lo, hi] = (range ?? '').trim().split(/\s+/).map(Number)
  return {
    platform,
    lowPortLimit: start === null ? LINUX_DEFAULTS.lowPortLimit : Number(start.trim()),
    canBindLowPorts: root || (caps !== null && ((caps >> CAP_NET_BIND_SERVICE) & 1n) === 1n),
    defaultV6only: v6 === null ? false : v6.trim() === '1',
    ephemeral: lo && hi ? [lo, hi] : LINUX_DEFAULTS.ephemeral,
    blind
  }
}

export interface ProcessFacts {
  readonly pid: number
  readonly uid: number | null
  readonly name: string | null
  readonly commandLine: string | null
  /** A zombie has exited; only its parent's wait is missing. */
  readonly zombie: boolean
  readonly ppid: number | null
}

async function linuxFacts(pid: number): Promise<ProcessFacts | null> {
  const [status, cmdline] = await Promise.all([
    readText(`/proc/${pid}/status`),
    readText(`/proc/${pid}/cmdline`)
  ])
  if (status === null) return null
  const field = (name: string): string | null =>
    new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(status)?.[1] ?? null
  const uid = field('Uid')?.split(/\s+/)[0]
  const args = cmdline?.split('\0').filter((a) => a !== '') ?? []
  return {
    pid,
    uid: uid === undefined ? null : Number(uid),
    name: field('Name'),
    commandLine: args.length > 0 ? args.map(quoteArg).join(' ') : null,
    zombie: field('State')?.startsWith('Z') ?? false,
    ppid: Number(field('PPid') ?? NaN) || null
  }
}

async function psFacts(pid: number): Promise<ProcessFacts | null> {
  try {
    const { stdout } = await run('ps', ['-o', 'uid=,ppid=,stat=,comm=', '-p', String(pid)])
    const m = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(stdout.trim())
    if (!m) return null
    const args = await run('ps', ['-o', 'args=', '-p', String(pid)]).catch(() => ({ stdout: '' }))
    return {
      pid,
      uid: Number(m[1]),
      ppid: Number(m[2]),
      zombie: m[3]!.startsWith('Z'),
      name: m[4]!.split('/').pop() ?? null,
      commandLine: args.stdout.trim() || null
    }
  } catch {
    return null
  }
}

/** null when the process does not exist (or cannot be seen). Windows gives the pid only. */
export async function processFacts(pid: number): Promise<ProcessFacts | null> {
  if (process.platform === 'linux') return linuxFacts(pid)
  if (process.platform === 'win32') {
    return alive(pid)
      ? { pid, uid: null, name: null, commandLine: null, zombie: false, ppid: null }
      : null
  }
  return psFacts(pid)
}

/** True while the process exists (EPERM means it exists but is not ours). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}

/** uid → user name, from /etc/passwd where there is one. */
export async function userNames(): Promise<ReadonlyMap<number, string>> {
  const names = new Map<number, string>()
  const passwd = await readText('/etc/passwd')
  for (const line of passwd?.split('\n') ?? []) {
    const [name, , uid] = line.split(':')
    if (name && uid && /^\d+$/.test(uid)) names.set(Number(uid), name)
  }
  if (names.size === 0) {
    try {
      const me = userInfo()
      if (me.uid >= 0) names.set(me.uid, me.username)
    } catch {
      // No user database: names stay unknown.
    }
  }
  return names
}
