// Which sources each OS offers, and its default: netlink on Linux (procfs when netlink
// cannot run), lsof on macOS, netstat on Windows.
import type { TableSourceId } from '../../shared/model'
import { NetlinkSource } from './netlink-source'
import { ProcfsSource } from './procfs-source'
import type { TableSource } from './source'
import { lsofSource, netstatSource, ssSource } from './tool-sources'

export interface PlatformSources {
  readonly sources: Readonly<Partial<Record<TableSourceId, () => TableSource>>>
  readonly defaultSource: TableSourceId
  /** Used when the default turns out not to work on this machine. */
  readonly fallbackSource?: TableSourceId
}

export function platformSources(platform: NodeJS.Platform = process.platform): PlatformSources {
  switch (platform) {
    case 'linux':
      return {
        sources: {
          netlink: () => new NetlinkSource(),
          procfs: () => new ProcfsSource(),
          ss: ssSource,
          lsof: lsofSource
        },
        defaultSource: 'netlink',
        fallbackSource: 'procfs'
      }
    case 'win32':
      return { sources: { netstat: netstatSource }, defaultSource: 'netstat' }
    default:
      return { sources: { lsof: lsofSource }, defaultSource: 'lsof' }
  }
}
