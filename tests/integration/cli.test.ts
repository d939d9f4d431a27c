// The built CLI and `npm start`, run as a user runs them.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import pkg from '../../package.json'
import { electronBinary } from '../../scripts/electron-binary.mjs'
import { createServer } from 'node:net'
import { CORE_V8_FLAGS } from '../../src/main/headless/core-flags'
import type { Alert } from '../../src/shared/alert-rules'
import { roundTrip, unusedPort, waitFor } from '../support/net'

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
    // serve re-executes itself under the core's V8 flags, keeping its pid (Linux).
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0'], { cwd: root })
    const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
    try {
      const url = await new Promise<string>((res, rej) => {
        let out = ''
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString()
          const m = /Socket Inspector at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out)
          if (m?.[1]) res(m[1])
        })
        child.once('exit', () => rej(new Error(`exited early: ${out}`)))
      })
      if (process.platform === 'linux') {
        const argv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0')
        for (const flag of CORE_V8_FLAGS) expect(argv).toContain(flag)
      }
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<div id="root">')
      expect((await fetch(url.replace(/\?token=.*/, ''))).status).toBe(401)
      child.kill('SIGTERM')
      expect(await exit).toBe(0)
    } finally {
      // A failed assertion above must not leave the server running.
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL')
        await exit
      }
    }
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

describe('socket-inspector echo (built)', () => {
  it('runs TCP, UDP and Unix servers, prints sessions with fd and bytes, and cleans up on Ctrl-C', async () => {
    const sock = resolve(mkdtempSync(join(tmpdir(), 'si-cli-')), 'echo.sock')
    const child = spawn(
      process.execPath,
      [cli, 'echo', '--tcp', '0', '--udp', '0', '--unix', sock, '--greeting', 'hi\\n'],
      { cwd: root }
    )
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
    try {
      await waitFor(() => (out.match(/^listening/gm) ?? []).length === 3, 'three servers listening')
      const tcpPort = Number(/listening {2}tcp {2}127\.0\.0\.1:(\d+) {2}fd \d+/.exec(out)?.[1])
      expect(tcpPort).toBeGreaterThan(0)
      expect(existsSync(sock)).toBe(true)

      const echoed = await roundTrip({ port: tcpPort }, Buffer.from('Hello, server!'))
      expect(echoed.received.toString()).toBe('hi\nHello, server!')
      await waitFor(
        () => /^closed .* in 14 B {2}out 17 B {2}\(end\)$/m.test(out),
        'closed line printed'
      )
      expect(out).toMatch(
        /^open +tcp {2}127\.0\.0\.1:\d+ <- 127\.0\.0\.1:\d+ {2}fd \d+ {2}\(s-1\)$/m
      )

      child.kill('SIGINT')
      expect(await exit).toBe(0)
      expect(existsSync(sock)).toBe(false)
      expect(out).not.toMatch(STACK_LINE)
    } finally {
      // A failed assertion above must not leave the server running.
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL')
        await exit
      }
    }
  })

  it('says what to do when no server is named, or a host is bad', () => {
    const none = runCli('echo')
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/^error: Say which echo servers to start\.\nhint: Use --tcp PORT/m)
    const bad = runCli('echo', '--tcp', '1', '--host', 'nope')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(
      /^error: The host "nope" is not valid: a server listens on an IP address/m
    )
    expect(bad.stderr + none.stderr).not.toMatch(STACK_LINE)
  })
})

describe('socket-inspector table (built)', () => {
  it('lists a known listener as text and as JSON lines, filtered by port', async () => {
    const { createServer } = await import('node:net')
    const server = createServer()
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    const port = (server.address() as { port: number }).port
    try {
      const text = runCli('table', '--port', String(port), '--proto', 'tcp')
      expect(text.code).toBe(0)
      const lines = text.stdout.trim().split('\n')
      expect(lines[0]).toMatch(/^Proto +State +Recv-Q +Send-Q +Local +Peer +Process$/)
      // A listener's Send-Q is its backlog where the source says so (netlink, ss), else 0.
      expect(lines[1]).toMatch(
        new RegExp(
          `^tcp +LISTEN +0 +\\d+ +127\\.0\\.0\\.1:${port} +\\* +\\S+\\(${process.pid},fd \\d+\\)$`
        )
      )

      const json = runCli('table', '--port', String(port), '--json', '--state', 'listen')
      const rows = json.stdout
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({
        protocol: 'tcp',
        localAddress: '127.0.0.1',
        localPort: port,
        state: 'LISTEN',
        remoteAddress: null
      })
      expect(rows[0]!.owners).toEqual([
        { pid: process.pid, process: expect.any(String), fd: expect.any(Number) }
      ])
    } finally {
      server.close()
    }
  })

  it('refuses an unknown source or protocol with a sentence', () => {
    // The sources named are this system's, from the one registry.
    const src = runCli('table', '--source', 'nmap')
    expect(src.code).toBe(1)
    expect(src.stderr).toMatch(/this system's sources are netlink, procfs, ss, lsof, netstat\./)
    const proto = runCli('table', '--proto', 'sctp')
    expect(proto.code).toBe(1)
    expect(proto.stderr).toMatch(/"sctp" is not one of tcp, udp, unix/)
    expect(src.stderr + proto.stderr).not.toMatch(STACK_LINE)
  })
})

describe('socket-inspector watch (built)', () => {
  const linux = process.platform === 'linux'
  it.runIf(linux)(
    'prints one JSON line when the port starts listening, then exits (--once)',
    async () => {
      const port = await unusedPort()
      const child = spawn(
        process.execPath,
        [cli, 'watch', '--rule', `listen port:${port}`, '--once'],
        {
          cwd: root
        }
      )
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
      // After its first poll (the baseline) it says it is watching; only then listen.
      await waitFor(() => stderr.includes('watching 1 rule'), 'the watch to start')
      const server = createServer()
      await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()))
      try {
        expect(await exit).toBe(0)
      } finally {
        server.close()
      }
      const lines = stdout.trim().split('\n')
      expect(lines).toHaveLength(1)
      const alert = JSON.parse(lines[0]!) as Alert
      expect(alert).toMatchObject({ kind: 'listen', rule: `listen port:${port}`, pid: process.pid })
      expect(alert.row?.localPort).toBe(port)
      expect(alert.message).toMatch(new RegExp(`is listening on 127\\.0\\.0\\.1:${port}`))
    }
  )

  it('refuses a bad rule with a sentence and a hint, not a stack trace', () => {
    const r = runCli('watch', '--rule', 'lissen port:80')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error: Rule "lissen port:80": "lissen" is not a kind of alert\./m)
    expect(r.stderr).toMatch(/^hint: Start with listen, freed, connect/m)
    expect(r.stderr).not.toMatch(STACK_LINE)
  })
})
