// Settings through the contract, on disk, across a restart of the real `serve`, after a
// corrupt or future file, and live in a second client.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { Inspector } from '../../src/main/inspector'
import { SETTINGS_FILE_NAME } from '../../src/main/settings/settings-store'
import { defaultConfigDir } from '../../src/main/settings/config-dir'
import { connectWs } from '../../src/renderer/src/api/ws-bridge'
import { toApi } from '../../src/renderer/src/api/to-api'
import type { InspectorApi } from '../../src/shared/contract'
import { SETTINGS_VERSION } from '../../src/shared/settings-schema'
import type { Settings } from '../../src/shared/settings-schema'
import { waitFor } from '../support/net'
import { connectionsSettingsSchema } from '../../src/shared/connections-settings-schema'

;(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket

const CLI = resolve(__dirname, '../../out/main/cli.js')
const started: ChildProcess[] = []
const inspectors: Inspector[] = []

afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode !== null) continue
    const gone = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await gone
  }
  for (const i of inspectors.splice(0)) await i.close()
})

function core(configDir: string | null): Inspector {
  const inspector = new Inspector({ shell: 'test', configDir })
  inspectors.push(inspector)
  return inspector
}

/** The real built CLI's `serve`, with its settings in `config`. */
function serve(config: string): Promise<{ url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--config', config])
  started.push(child)
  let out = ''
  let err = ''
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()))
  return new Promise((res, rej) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /Socket Inspector at http:\/\/([^/]+)\/\?token=(\S+)/.exec(out)
      if (m) res({ url: `ws://${m[1]}/ws?token=${m[2]}`, stderr: () => err })
    })
    child.once('exit', (code) => rej(new Error(`serve exited with ${code}: ${err}`)))
  })
}

async function open(url: string): Promise<{ api: InspectorApi; close: () => void }> {
  const link = connectWs(url)
  await waitFor(() => link.status() === 'open', 'the WebSocket opened')
  return { api: toApi(link.bridge), close: () => link.close() }
}

describe('settings', () => {
  it('round-trip through the contract into a versioned file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'si-settings-'))
    const inspector = core(dir)
    const before = await inspector.call('settings:get', [])
    expect(before.theme).toBe('system')
    const after = await inspector.call('settings:set', [{ theme: 'dark', lastView: 'echo' }])
    expect(after).toMatchObject({ theme: 'dark', lastView: 'echo', language: 'system' })
    const file = JSON.parse(await readFile(join(dir, SETTINGS_FILE_NAME), 'utf8'))
    expect(file.version).toBe(SETTINGS_VERSION)
    expect(file.settings).toMatchObject({ theme: 'dark', lastView: 'echo' })
    expect(await inspector.call('settings:get', [])).toEqual(after)
  })

  it('survive a restart of serve, and reach a second client live', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'si-settings-'))
    const first = await serve(dir)
    const a = await open(first.url)
    const b = await open(first.url)
    const seen: Settings[] = []
    const off = b.api.on('settings:changed', (s) => seen.push(s))
    const connections = connectionsSettingsSchema.parse({ filter: 'port:22' })
    await a.api['settings:set']({ theme: 'light', connections })
    await waitFor(() => seen.length > 0, 'the second client heard the change')
    expect(seen.at(-1)).toMatchObject({ theme: 'light', connections: { filter: 'port:22' } })
    off()
    a.close()
    b.close()
    const child = started.pop()!
    const gone = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await gone

    const second = await serve(dir)
    const c = await open(second.url)
    expect(await c.api['settings:get']()).toMatchObject({
      theme: 'light',
      connections: { filter: 'port:22' }
    })
    c.close()
  })

  it('recover from a corrupt file: kept aside as .bak, defaults used, a notice says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'si-settings-'))
    await writeFile(join(dir, SETTINGS_FILE_NAME), '{"version": 1, "settings": {"theme": ')
    const inspector = core(dir)
    expect((await inspector.call('settings:get', [])).theme).toBe('system')
    expect(existsSync(join(dir, `${SETTINGS_FILE_NAME}.bak`))).toBe(true)
    const { notices } = await inspector.call('app:info', [])
    expect(notices[0]?.message).toMatch(/settings file is not valid JSON/)
    expect(notices[0]?.hint).toContain('.bak')
  })

  it('keep a file from a newer version aside rather than misread it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'si-settings-'))
    const future = { version: SETTINGS_VERSION + 1, settings: { theme: 'dark' } }
    await writeFile(join(dir, SETTINGS_FILE_NAME), JSON.stringify(future))
    const inspector = core(dir)
    expect((await inspector.call('settings:get', [])).theme).toBe('system')
    const { notices } = await inspector.call('app:info', [])
    expect(notices[0]?.message).toMatch(/newer version/)
    // The next save writes this version's file; the newer one stays in the .bak.
    await inspector.call('settings:set', [{ theme: 'light' }])
    const bak = JSON.parse(await readFile(join(dir, `${SETTINGS_FILE_NAME}.bak`), 'utf8'))
    expect(bak.version).toBe(SETTINGS_VERSION + 1)
  })

  it('refuse a value that is not allowed, and keep the file as it was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'si-settings-'))
    const serveRun = await serve(dir)
    const a = await open(serveRun.url)
    await a.api['settings:set']({ theme: 'dark' })
    await expect(
      a.api['settings:set']({ theme: 'purple' } as unknown as Partial<Settings>)
    ).rejects.toMatchObject({ code: 'EINVAL' })
    expect((await a.api['settings:get']()).theme).toBe('dark')
    a.close()
  })

  it('remember the table source and rate the window chose, and start with them; a CLI run does not', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'si-settings-'))
    const window = new Inspector({ shell: 'headless', configDir: dir })
    inspectors.push(window)
    await window.call('table:configure', [{ source: 'procfs', rateHz: 2 }])
    expect((await window.call('settings:get', [])).table).toEqual({ source: 'procfs', rateHz: 2 })
    await window.close()
    const next = new Inspector({ shell: 'headless', configDir: dir })
    inspectors.push(next)
    // The saved source is read once before it takes over: wait for it.
    await waitFor(async () => (await next.call('table:status', [])).source === 'procfs')
    expect(await next.call('table:status', [])).toMatchObject({ source: 'procfs', rateHz: 2 })

    const cli = new Inspector({ shell: 'cli', configDir: dir })
    inspectors.push(cli)
    await cli.call('table:configure', [{ source: 'ss' }])
    expect((await cli.call('settings:get', [])).table).toEqual({ source: 'procfs', rateHz: 2 })
  })

  it('live in the platform config folder by default', () => {
    expect(defaultConfigDir('linux', { XDG_CONFIG_HOME: '/x/cfg' }, '/home/u')).toBe(
      '/x/cfg/socket-inspector'
    )
    expect(defaultConfigDir('linux', {}, '/home/u')).toBe('/home/u/.config/socket-inspector')
    expect(defaultConfigDir('darwin', {}, '/Users/u')).toBe(
      '/Users/u/Library/Application Support/socket-inspector'
    )
  })
})
