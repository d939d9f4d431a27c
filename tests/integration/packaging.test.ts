// electron-builder cannot download Electron here, so this packs the app with a stub Electron
// folder (-c.electronDist) and checks what the installer would ship inside app.asar.
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { listPackage } from '@electron/asar'
import { afterAll, describe, expect, it } from 'vitest'
import pkg from '../../package.json'

const root = resolve(__dirname, '../..')
const work = mkdtempSync(join(tmpdir(), 'si-pack-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('electron-builder --dir', () => {
  it('packs out/main, out/preload and out/renderer with runtime dependencies only', () => {
    const stub = join(work, 'electron-stub')
    const output = join(work, 'dist')
    spawnSync('mkdir', ['-p', stub])
    writeFileSync(join(stub, 'electron'), '#!/bin/sh\nexit 0\n')
    chmodSync(join(stub, 'electron'), 0o755)
    writeFileSync(join(stub, 'version'), pkg.devDependencies.electron.replace(/^\^/, ''))

    const builder = join(root, 'node_modules', '.bin', 'electron-builder')
    const run = spawnSync(
      builder,
      ['--dir', '--linux', `-c.electronDist=${stub}`, `-c.directories.output=${output}`],
      { cwd: root, encoding: 'utf8', timeout: 300_000 }
    )
    expect(run.status, run.stdout + run.stderr).toBe(0)

    const files = listPackage(join(output, 'linux-unpacked', 'resources', 'app.asar'), {
      isPack: false
    }).map((f) => f.replaceAll('\\', '/'))
    for (const required of [
      '/out/main/index.js',
      '/out/main/cli.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
      '/package.json'
    ]) {
      expect(files, required).toContain(required)
    }
    const shippedModules = new Set(
      files.map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]).filter(Boolean)
    )
    for (const dev of Object.keys(pkg.devDependencies)) {
      expect(shippedModules.has(dev), `devDependency ${dev} is in app.asar`).toBe(false)
    }
    for (const dep of Object.keys(pkg.dependencies)) {
      expect(shippedModules.has(dep), `dependency ${dep} is missing from app.asar`).toBe(true)
    }
    expect(files.some((f) => f.startsWith('/src/') || f.startsWith('/tests/'))).toBe(false)
  })
})
