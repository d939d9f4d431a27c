// Reads the OS's services database once: /etc/services on Linux and macOS,
// %SystemRoot%\System32\drivers\etc\services on Windows. A missing or unreadable file
// leaves the built-in list, and says so.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { BUILTIN_SERVICES, parseServices, withBuiltins } from '../../shared/service-names'
import type { ServiceEntry, ServiceNames } from '../../shared/service-names'

export interface ServicesDatabase {
  readonly names: ServiceNames
  /** The file read, or null when only the built-in list is known. */
  readonly path: string | null
  /** The entries the file gave (the built-in list is not counted). */
  readonly fromFile: number
  /** Why the file gave nothing, when it did not. */
  readonly problem: string | null
}

export function servicesPath(platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32'
    ? join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'drivers', 'etc', 'services')
    : '/etc/services'
}

export async function loadServices(path = servicesPath()): Promise<ServicesDatabase> {
  let entries: ServiceEntry[]
  try {
    entries = parseServices(await readFile(path, 'utf8'))
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : String(err)
    return {
      names: withBuiltins([]),
      path: null,
      fromFile: 0,
      problem: `${path} could not be read (${why}); ${BUILTIN_SERVICES.length} well-known ports are named from the built-in list`
    }
  }
  return { names: withBuiltins(entries), path, fromFile: entries.length, problem: null }
}
