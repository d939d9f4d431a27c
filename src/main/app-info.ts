import { arch, hostname, release } from 'node:os'
import pkg from '../../package.json'
import type { AppInfo, Notice, ShellKind } from '../shared/model'
import { detectSources } from './conntable/platform-sources'

export const APP_NAME: string = pkg.productName
export const APP_VERSION: string = pkg.version

export async function readAppInfo(
  shell: ShellKind,
  startedAt: number,
  notices: readonly Notice[] = []
): Promise<AppInfo> {
  return {
    name: APP_NAME,
    version: APP_VERSION,
    shell,
    platform: process.platform,
    arch: arch(),
    osRelease: release(),
    hostname: hostname(),
    pid: process.pid,
    uid: typeof process.getuid === 'function' ? process.getuid() : null,
    versions: {
      node: process.versions.node,
      // Present only when the core runs inside Electron's main process.
      electron: process.versions.electron ?? null,
      chrome: process.versions.chrome ?? null,
      v8: process.versions.v8
    },
    sources: await detectSources(),
    startedAt,
    notices
  }
}
