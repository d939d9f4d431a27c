// Finds the Electron binary without triggering electron's own lazy download (which throws
// with a stack trace when it cannot reach the network).
import { existsSync, readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000

/** The binary's path, or null when it is not installed. */
export function electronBinary(root) {
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const candidate = join(override, relative ?? 'electron')
    return existsSync(candidate) ? candidate : null
  }
  if (!relative) return null
  const candidate = join(pkg, 'dist', relative)
  return existsSync(candidate) ? candidate : null
}

/** Runs electron's installer once, quietly; true when it downloaded the binary. */
export function installElectron(root) {
  const installer = join(root, 'node_modules', 'electron', 'install.js')
  if (!existsSync(installer)) return false
  const result = spawnSync(process.execPath, [installer], {
    cwd: root,
    stdio: 'pipe',
    timeout: DOWNLOAD_TIMEOUT_MS
  })
  return result.status === 0
}

export const MISSING_ELECTRON =
  'Socket Inspector cannot open its window because the Electron binary is not installed: ' +
  'run `node node_modules/electron/install.js` on a machine that can reach the Electron ' +
  'download server (or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron), ' +
  'or run `npm run serve` to open the same UI in a browser.'
