// Peers the project did not write — Debian's socat and nc (netcat-openbsd), and python3 —
// talk to our echo servers and get every byte back.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import type { Listener } from '../../src/shared/model'

const inspector = new Inspector({ shell: 'test' })
const dir = mkdtempSync(join(tmpdir(), 'si-peers-'))
let tcp: Listener
let tcp6: Listener
let udp: Listener
let unix: Listener
/** Tools exit by themselves; this only bounds a broken run. */
const TOOL_TIMEOUT_MS = 20_000

beforeAll(async () => {
  tcp = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
  tcp6 = await inspector.call('echo:start', [{ protocol: 'tcp', host: '::1', port: 0 }])
  udp = await inspector.call('echo:start', [{ protocol: 'udp', port: 0 }])
  unix = await inspector.call('echo:start', [{ protocol: 'unix', path: join(dir, 'peer.sock') }])
})
afterAll(async () => {
  await inspector.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Runs a tool asynchronously: the echo server lives on this process's event loop. */
function run(cmd: string, args: string[], input: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    let err = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), TOOL_TIMEOUT_MS)
    child.stdout.on('data', (c: Buffer) => out.push(c))
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(Buffer.concat(out))
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}: ${err}`))
    })
    child.stdin.end(input)
  })
}

const payload = randomBytes(512 * 1024)

describe('third-party peers', () => {
  it('socat over TCP gets 512 KiB back identical', async () => {
    const out = await run('socat', ['-t', '5', '-', `TCP:127.0.0.1:${tcp.port}`], payload)
    expect(out.equals(payload)).toBe(true)
  })

  it('socat over TCP/IPv6 gets its bytes back', async () => {
    const out = await run('socat', ['-t', '5', '-', `TCP6:[::1]:${tcp6.port}`], payload)
    expect(out.equals(payload)).toBe(true)
  })

  it('nc (netcat-openbsd) over TCP, half-closing with -N', async () => {
    const out = await run('nc', ['-N', '127.0.0.1', String(tcp.port)], payload)
    expect(out.equals(payload)).toBe(true)
  })

  it('socat and nc over the Unix socket', async () => {
    expect(
      (await run('socat', ['-t', '5', '-', `UNIX-CONNECT:${unix.path}`], payload)).equals(payload)
    ).toBe(true)
    expect((await run('nc', ['-N', '-U', unix.path!], payload)).equals(payload)).toBe(true)
  })

  it('socat over UDP gets its datagram back', async () => {
    const line = Buffer.from('one datagram\n')
    const out = await run('socat', ['-t', '1', '-', `UDP:127.0.0.1:${udp.port}`], line)
    expect(out.equals(line)).toBe(true)
  })

  it('a python3 socket client: sendall, shutdown(SHUT_WR), read to EOF', async () => {
    const script = [
      'import socket, sys',
      'data = sys.stdin.buffer.read()',
      `s = socket.create_connection(("127.0.0.1", ${tcp.port}))`,
      's.sendall(data)',
      's.shutdown(socket.SHUT_WR)',
      'got = bytearray()',
      'while True:',
      '    b = s.recv(65536)',
      '    if not b: break',
      '    got += b',
      'sys.stdout.buffer.write(got)'
    ].join('\n')
    expect((await run('python3', ['-c', script], payload)).equals(payload)).toBe(true)
  })

  it('a python3 UDP client: 100 datagrams, each echoed whole', async () => {
    const script = [
      'import socket',
      's = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
      's.settimeout(5)',
      `s.connect(("127.0.0.1", ${udp.port}))`,
      'ok = 0',
      'for i in range(100):',
      '    msg = bytes([i % 256]) * (i + 1)',
      '    s.send(msg)',
      '    if s.recv(2048) == msg: ok += 1',
      'print(ok)'
    ].join('\n')
    expect((await run('python3', ['-c', script], Buffer.alloc(0))).toString().trim()).toBe('100')
  })
})
