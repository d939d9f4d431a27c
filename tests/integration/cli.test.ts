// The built CLI and `npm start`, run as a user runs them.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import pkg from '../../package.json'
import { electronBinary } from '../../scripts/electron-binary.mjs'

const root = resolve(__dirname, '../..')
const cli = resolve(root, 'out/main/cli.js')
const STACK_LINE = /^\s+at .+[:(]\d+/m

function runCli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('socket-inspector CLI (built)', () => {
  it('has been built by `npm run build` first', () => {
    expect(existsSync(cli), 'run `npm run build` before the tests').toBe(true)
  })

  it('prints its version and its commands', () => {
    expect(runCli('--version').stdout.trim()).toBe(pkg.version)
    const help = runCli('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/serve \[options\]/)
  })

  it('rejects a bad port and a remote host with a sentence, not a stack trace', () => {
    const badPort = runCli('serve', '--port', '70000')
    expect(badPort.code).toBe(1)
    expect(badPort.stderr).toMatch(/port is a whole number from 0 to 65535/)
    const remote = runCli('serve', '--host', '0.0.0.0')
    expect(remote.code).toBe(1)
    expect(remote.stderr).toMatch(/^error: Refusing to serve on 0\.0\.0\.0/m)
    expect(remote.stderr).toMatch(/^hint: .*--allow-remote/m)
    for (const out of [badPort.stderr, remote.stderr]) expect(out).not.toMatch(STACK_LINE)
  })

  it('serves on loopback, prints the URL with its token, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0'], { cwd: root })
    const url = await new Promise<string>((res, rej) => {
      let out = ''
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString()
        const m = /Socket Inspector at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out)
        if (m?.[1]) res(m[1])
      })
      child.once('exit', () => rej(new Error(`exited early: ${out}`)))
    })
    const page = await fetch(url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
    expect((await fetch(url.replace(/\?token=.*/, ''))).status).toBe(401)
    const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
    child.kill('SIGTERM')
    expect(await exit).toBe(0)
  })
})

describe('npm start', () => {
  const binary = electronBinary(root)
  if (binary) {
    it.skip(`prints the missing-binary sentence — skipped: the Electron binary is installed here (${binary}), so npm start would open the app`, () =>
      undefined)
    console.log(`npm start's missing-binary path not tested: Electron is installed at ${binary}`)
    return
  }
  it('prints one sentence about the missing Electron binary and exits 1', () => {
    const r = spawnSync('npm', ['start', '--silent'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000
    })
    expect(r.status).toBe(1)
    const lines = r.stderr.split('\n').filter((l) => l.trim() && !/^npm (warn|error)/.test(l))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/Electron binary is not installed/)
    expect(lines[0]).toMatch(/npm run serve/)
    expect(r.stderr + r.stdout).not.toMatch(STACK_LINE)
  })
})
