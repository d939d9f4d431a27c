// `socket-inspector close | kill | port` (built), run as a script runs them: exit codes,
// --json, and asking first.
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { waitFor } from '../support/net'

const root = resolve(__dirname, '../..')
const cli = resolve(root, 'out/main/cli.js')
const isLinuxRoot = process.platform === 'linux' && process.getuid?.() === 0
const LISTEN_JS = `const s = require('net').createServer().listen(0, '127.0.0.1', () => process.stdout.write(s.address().port + '\\n'))`

function runCli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const children: ChildProcess[] = []
const servers: Server[] = []
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL')
  for (const s of servers.splice(0)) s.close()
})

async function listeningChild(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['-e', LISTEN_JS])
  children.push(child)
  let out = ''
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
  await waitFor(() => /\d+\n/.test(out), 'the child listens')
  return { child, port: Number(out.trim()) }
}

describe('socket-inspector port, kill, close', () => {
  it('port: names the holder and exits 3 when 127.0.0.1 cannot be bound', async () => {
    const { child, port } = await listeningChild()
    const text = runCli('port', String(port))
    expect(text.code).toBe(3)
    expect(text.stdout).toMatch(new RegExp(`LISTEN\\s+listener\\s+127\\.0\\.0\\.1:${port}`))
    expect(text.stdout).toMatch(new RegExp(`node\\(${child.pid},fd \\d+\\)`))
    expect(text.stdout).toMatch(
      new RegExp(
        `^You cannot bind 127\\.0\\.0\\.1:${port} now, because node \\(pid ${child.pid}\\) listens on`,
        'm'
      )
    )
    const json = runCli('port', String(port), '--json', '--free')
    const report = JSON.parse(json.stdout) as {
      holders: { owners: { pid: number }[] }[]
      free: number
    }
    expect(report.holders[0]!.owners[0]!.pid).toBe(child.pid)
    expect(report.free).toBeGreaterThan(0)
  })

  it('kill: stops a child (exit 0); refuses pid 1 (exit 4); will not act unasked (exit 2)', async () => {
    const { child } = await listeningChild()
    const unasked = runCli('kill', String(child.pid))
    expect(unasked.code).toBe(2)
    expect(unasked.stderr).toMatch(/Add --yes/)
    expect(child.exitCode).toBeNull()
    const done = runCli('kill', String(child.pid), '--yes', '--json')
    expect(done.code).toBe(0)
    expect(JSON.parse(done.stdout)).toMatchObject({
      pid: child.pid,
      outcome: 'exited',
      signal: 'SIGTERM'
    })
    const init = runCli('kill', '1', '--yes')
    expect(init.code).toBe(4)
    expect(init.stderr).toMatch(/^error: pid 1 is the system’s init process/m)
  })

  it.runIf(isLinuxRoot)('close: resets another process’s connection (exit 0)', async () => {
    // The reset the close causes reaches this side as ECONNRESET: expected.
    const server = createServer((s) => s.resume().on('error', () => undefined))
    servers.push(server)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as { port: number }).port
    const client = spawn(process.execPath, [
      '-e',
      `const s = require('net').connect(${port}, '127.0.0.1', () => console.log(s.localPort)); s.on('error', (e) => { console.log(e.code); process.exit(0) })`
    ])
    children.push(client)
    let out = ''
    client.stdout!.on('data', (c: Buffer) => (out += c.toString()))
    await waitFor(() => /\d+\n/.test(out), 'the child connected')
    const local = `127.0.0.1:${out.trim()}`
    const r = runCli('close', local, `127.0.0.1:${port}`, '--yes', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ how: 'sock-destroy' })
    await waitFor(() => out.includes('ECONNABORTED'), 'the child saw the abort')
    const again = runCli('close', local, `127.0.0.1:${port}`, '--yes')
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/^error: There is no TCP connection/m)
  })

  it('close: a bad endpoint is a sentence, not a stack', () => {
    const r = runCli('close', '127.0.0.1', '127.0.0.1:80')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/an endpoint is ADDRESS:PORT/)
    expect(r.stderr).not.toMatch(/^\s+at /m)
  })
})
