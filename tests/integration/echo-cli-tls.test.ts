// `socket-inspector echo --tls PORT [--cert --key]`, built, with openssl s_client as the
// peer: the certificate is named, each session prints the version and cipher it agreed.
import { spawn, spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { waitFor } from '../support/net'

const root = resolve(__dirname, '../..')
const cli = resolve(root, 'out/main/cli.js')

describe('socket-inspector echo --tls (built)', () => {
  it('serves TLS with a self-signed certificate; openssl s_client gets its bytes back', async () => {
    const child = spawn(process.execPath, [cli, 'echo', '--tls', '0'], { cwd: root })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
    try {
      await waitFor(() => /^cert /m.test(out), 'listening with its certificate')
      expect(out).toMatch(/^listening {2}tls {2}127\.0\.0\.1:\d+ {2}fd \d+ {2}\(l-1\)$/m)
      expect(out).toMatch(/^cert {7}CN=localhost \(self-signed\), valid to .+GMT$/m)
      const port = /tls {2}127\.0\.0\.1:(\d+)/.exec(out)![1]!
      const peer = spawnSync(
        'openssl',
        ['s_client', '-connect', `127.0.0.1:${port}`, '-brief', '-ign_eof'],
        { input: 'hello\n', encoding: 'utf8', timeout: 20_000 }
      )
      expect(peer.stdout).toContain('hello')
      const version = /Protocol version: (\S+)/.exec(peer.stderr)![1]!
      const cipher = /Ciphersuite: (\S+)/.exec(peer.stderr)![1]!
      await waitFor(() => /^tls /m.test(out), 'the session’s TLS line')
      expect(out).toMatch(new RegExp(`^tls {8}${version} {2}${cipher} {2}\\(s-1\\)$`, 'm'))
      await waitFor(() => /^closed .*in 6 B {2}out 6 B/m.test(out), 'closed with plaintext counts')
      child.kill('SIGINT')
      expect(await exit).toBe(0)
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL')
        await exit
      }
    }
  })

  it('--cert without --tls, or a certificate without its key, says what to do', () => {
    const run = (...args: string[]): { code: number | null; stderr: string } => {
      const r = spawnSync(process.execPath, [cli, 'echo', ...args], {
        cwd: root,
        encoding: 'utf8',
        timeout: 30_000
      })
      return { code: r.status, stderr: r.stderr }
    }
    const noTls = run('--tcp', '0', '--cert', '/tmp/c.pem')
    expect(noTls.code).toBe(1)
    expect(noTls.stderr).toMatch(
      /^error: --cert and --key are for a TLS server\.\nhint: Add --tls PORT/m
    )
    const half = run('--tls', '0', '--cert', '/tmp/c.pem')
    expect(half.code).toBe(1)
    expect(half.stderr).toMatch(/both a certificate file and its key file, or neither/)
  })
})
