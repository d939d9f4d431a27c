// Which sources each OS offers, and its default: procfs on Linux (netlink is the planned
// fast path), lsof on macOS, netstat on Windows.
import type { TableSourceId } from '../../shared/model'
import { ProcfsSource } from './procfs-source'
import type { TableSource } from './source'
import { lsofSource, netstatSource, ssSource } from './tool-sources'

export interface PlatformSources {
  readonly sources: Readonly<Partial<Record<TableSourceId, () => TableSource>>>
  readonly defaultSource: TableSourceId
}

export function platformSources(platform: NodeJS.Platform = process.platform): PlatformSources {
  switch (platform) {
    case 'linux':
      return {
        sources: { procfs: () => new ProcfsSource(), ss: ssSource, lsof: lsofSource },
        defaultSource: 'procfs'
      }
    case 'win32':
      return { sources: { netstat: netstatSource }, defaultSource: 'netstat' }
    default:
      return { sources: { lsof: lsofSource }, defaultSource: 'lsof' }
  }
}
