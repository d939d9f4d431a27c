// Which connection-table sources this machine has. Detection reads the file system only
// (no child processes), so it is cheap enough to run for every app:info.
import { access, constants } from 'node:fs/promises'
import { delimiter, join } from 'node:path'
import type { TableSourceId, TableSourceInfo } from '../../shared/model'

/** Where system tools live even when PATH leaves the sbin folders out (as it does for non-root). */
const EXTRA_TOOL_DIRS = ['/usr/sbin', '/sbin', '/usr/bin', '/bin']

export async function findTool(name: string, env = process.env): Promise<string | null> {
  const dirs = [...(env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_TOOL_DIRS]
  const names = process.platform === 'win32' ? [`${name}.exe`] : [name]
  for (const dir of dirs) {
    for (const file of names) {
      const candidate = join(dir, file)
      if (await isExecutable(candidate)) return candidate
    }
  }
  return null
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK)
    return true
  } catch {
    return false
  }
}

async function isReadable(path: string): Promise<boolean> {
  try {
    await access(path, constants.R_OK)
    return true
  } catch {
    return false
  }
}

/** Null when sock_diag can be used here, else why not. */
async function netlinkUsable(): Promise<string | null> {
  if (!(await isReadable('/proc/net/netlink'))) return '/proc/net/netlink is missing'
  try {
    await import('koffi')
    return null
  } catch (err) {
    return `koffi cannot load here (${err instanceof Error ? err.message : String(err)})`
  }
}

function info(id: TableSourceId, available: boolean, detail: string): TableSourceInfo {
  return { id, available, detail }
}

async function toolSource(id: TableSourceId, tool: string, what: string): Promise<TableSourceInfo> {
  const path = await findTool(tool)
  return path
    ? info(id, true, `${what} at ${path}`)
    : info(id, false, `${tool} is not installed (not found on PATH)`)
}

export async function detectSources(
  platform: NodeJS.Platform = process.platform
): Promise<TableSourceInfo[]> {
  if (platform === 'linux') {
    const procfs = await isReadable('/proc/net/tcp')
    const netlink = await netlinkUsable()
    return [
      info(
        'netlink',
        netlink === null,
        netlink === null ? 'kernel sock_diag, read in-process through koffi' : netlink
      ),
      info(
        'procfs',
        procfs,
        procfs ? '/proc/net/{tcp,tcp6,udp,udp6,unix}' : '/proc/net/tcp is not readable'
      ),
      await toolSource('ss', 'ss', 'iproute2 ss'),
      await toolSource('lsof', 'lsof', 'lsof'),
      await toolSource('netstat', 'netstat', 'net-tools netstat')
    ]
  }
  if (platform === 'darwin') {
    return [
      await toolSource('lsof', 'lsof', 'lsof'),
      await toolSource('netstat', 'netstat', 'netstat')
    ]
  }
  if (platform === 'win32') {
    return [await toolSource('netstat', 'netstat', 'netstat')]
  }
  return [await toolSource('lsof', 'lsof', 'lsof')]
}
