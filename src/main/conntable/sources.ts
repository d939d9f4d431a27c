// How to tell whether this machine can run a connection-table source (platform-sources.ts
// says which exist). Detection reads the file system only (no child processes), so it is
// cheap enough to run for every app:info and every table:configure.
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

export async function isReadable(path: string): Promise<boolean> {
  try {
    await access(path, constants.R_OK)
    return true
  } catch {
    return false
  }
}

/** Null when sock_diag can be used here, else why not. */
export async function netlinkUsable(): Promise<string | null> {
  if (!(await isReadable('/proc/net/netlink'))) return '/proc/net/netlink is missing'
  try {
    await import('koffi')
    return null
  } catch (err) {
    return `koffi cannot load here (${err instanceof Error ? err.message : String(err)})`
  }
}

/** A tool source: available when the tool is on PATH (or in the sbin folders). */
export async function toolInfo(
  id: TableSourceId,
  tool: string,
  what: string
): Promise<TableSourceInfo> {
  const path = await findTool(tool)
  return path
    ? { id, available: true, detail: `${what} at ${path}` }
    : { id, available: false, detail: `${tool} is not installed (not found on PATH)` }
}
