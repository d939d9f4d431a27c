// The one registry of connection-table sources: for each OS, which sources exist, how each
// is made, how to tell whether this machine can run it, and the default. app:info lists
// exactly these and table:configure accepts exactly these, so the two cannot disagree.
// Defaults: netlink on Linux (procfs when netlink cannot run), lsof on macOS, netstat on
// Windows.
import type { TableSourceId, TableSourceInfo } from '../../shared/model'
import { NetlinkSource } from './netlink-source'
import { ProcfsSource } from './procfs-source'
import type { TableSource } from './source'
import { isReadable, netlinkUsable, toolInfo } from './sources'
import {
  lsofSource,
  netstatLinuxSource,
  netstatMacSource,
  netstatWindowsSource,
  ssSource
} from './tool-sources'

export interface SourceEntry {
  readonly id: TableSourceId
  readonly make: () => TableSource
  /** Whether this machine can run it now, and what was found or why not. Reads files only. */
  readonly detect: () => Promise<TableSourceInfo>
}

export interface PlatformSources {
  /** In the order the source picker lists them. */
  readonly sources: readonly SourceEntry[]
  readonly defaultSource: TableSourceId
  /** Used when the default turns out not to work on this machine. */
  readonly fallbackSource?: TableSourceId
}

const netlink: SourceEntry = {
  id: 'netlink',
  make: () => new NetlinkSource(),
  detect: async () => {
    const why = await netlinkUsable()
    return {
      id: 'netlink',
      available: why === null,
      detail: why ?? 'kernel sock_diag, read in-process through koffi'
    }
  }
}

const procfs: SourceEntry = {
  id: 'procfs',
  make: () => new ProcfsSource(),
  detect: async () => {
    const readable = await isReadable('/proc/net/tcp')
    return {
      id: 'procfs',
      available: readable,
      detail: readable ? '/proc/net/{tcp,tcp6,udp,udp6,unix}' : '/proc/net/tcp is not readable'
    }
  }
}

const tool = (
  id: TableSourceId,
  make: () => TableSource,
  name: string,
  what: string
): SourceEntry => ({ id, make, detect: () => toolInfo(id, name, what) })

export function platformSources(platform: NodeJS.Platform = process.platform): PlatformSources {
  switch (platform) {
    case 'linux':
      return {
        sources: [
          netlink,
          procfs,
          tool('ss', ssSource, 'ss', 'iproute2 ss'),
          tool('lsof', lsofSource, 'lsof', 'lsof'),
          tool('netstat', netstatLinuxSource, 'netstat', 'net-tools netstat')
        ],
        defaultSource: 'netlink',
        fallbackSource: 'procfs'
      }
    case 'darwin':
      return {
        sources: [
          tool('lsof', lsofSource, 'lsof', 'lsof'),
          tool('netstat', netstatMacSource, 'netstat', 'netstat')
        ],
        defaultSource: 'lsof'
      }
    case 'win32':
      return {
        sources: [tool('netstat', netstatWindowsSource, 'netstat', 'netstat')],
        defaultSource: 'netstat'
      }
    default:
      return { sources: [tool('lsof', lsofSource, 'lsof', 'lsof')], defaultSource: 'lsof' }
  }
}

/** What app:info says of each source of this platform, in the registry's order. */
export function detectSources(
  platform: PlatformSources = platformSources()
): Promise<TableSourceInfo[]> {
  return Promise.all(platform.sources.map((s) => s.detect()))
}
