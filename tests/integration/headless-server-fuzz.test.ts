// No request kills `serve`: the real CLI's server, in its own process, gets malformed request
// lines, headers and upgrade sequences — closed politely, reset before the answer, reset after
// it — and must still be alive and answer app:info over its WebSocket afterwards.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { connect } from 'node:net'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { connectWs } from '../../src/renderer/src/api/ws-bridge'
import { toApi } from '../../src/renderer/src/api/to-api'
import { waitFor } from '../support/net'

;(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket

const root = resolve(__dirname, '../..')
/** How long one fuzz connection may stay open before the test gives up on it (not a check). */
const CONNECTION_GUARD_MS = 3_000
const RANDOM_CASES = 150

let child: ChildProcess
let port = 0
let token = ''
let stderr = ''

beforeAll(async () => {
  // Plain Node with tsx: the same CLI as `socket-inspector serve`, from source.
  child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main/headless/cli.ts', 'serve', '--port', '0'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  let out = ''
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()))
  await waitFor(() => /token=\S+/.test(out), 'serve printing its URL')
  const m = /127\.0\.0\.1:(\d+)\/\?token=(\S+)/.exec(out)
  port = Number(m?.[1])
  token = m?.[2] ?? ''
})

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGTERM')
})

type Mode = 'end' | 'reset-before' | 'reset-after'

/** Sends raw bytes, then ends or resets as the mode says; resolves when the socket is gone. */
function poke(bytes: Buffer, mode: Mode): Promise<void> {
  return new Promise((done) => {
    const s = connect(port, '127.0.0.1')
    const guard = setTimeout(() => s.destroy(), CONNECTION_GUARD_MS)
    s.on('error', () => undefined)
    s.on('close', () => {
      clearTimeout(guard)
      done()
    })
    s.on('connect', () => {
      s.write(bytes)
      if (mode === 'end') s.end()
      else if (mode === 'reset-before') s.resetAndDestroy()
    })
    s.on('data', () => {
      if (mode === 'reset-after') s.resetAndDestroy()
    })
    s.resume()
  })
}

const crlf = (lines: readonly string[]): Buffer => Buffer.from(`${lines.join('\r\n')}\r\n\r\n`)

function upgradeLines(target: string, extra: readonly string[] = []): string[] {
  return [
    `GET ${target} HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    ...extra
  ]
}

function namedCases(): Buffer[] {
  const t = `/ws?token=${token}`
  return [
    crlf(upgradeLines('http://[/')),
    crlf(upgradeLines('//[')),
    crlf(upgradeLines('%zz')),
    crlf(['GET http://[/ HTTP/1.1', `Host: 127.0.0.1:${port}`]),
    crlf(['GET /%E0%A4%A HTTP/1.1', `Host: 127.0.0.1:${port}`]),
    crlf(upgradeLines('/elsewhere')),
    crlf(upgradeLines(t, ['Origin: http://[']).map((l) => (l.startsWith('Host') ? 'Host: [' : l))),
    crlf(upgradeLines(t).map((l) => (l.startsWith('Host') ? 'Host: evil.example' : l))),
    crlf(upgradeLines(t, ['Origin: https://evil.example'])),
    crlf(upgradeLines(t, ['Origin: null'])),
    crlf(upgradeLines(t).filter((l) => !l.startsWith('Sec-WebSocket-Key'))),
    crlf(
      upgradeLines(t).map((l) =>
        l.startsWith('Sec-WebSocket-Version') ? 'Sec-WebSocket-Version: 99' : l
      )
    ),
    crlf(upgradeLines('/ws')),
    crlf(upgradeLines(t)),
    Buffer.concat([crlf(upgradeLines(t)), Buffer.from([0x81, 0xff, 0, 0, 0, 0, 0, 0, 0, 0])]),
    Buffer.concat([crlf(upgradeLines(t)), Buffer.from([0x88, 0x80, 1, 2, 3, 4])]),
    crlf(['GET / HTTP/9.9', 'Host: 127.0.0.1']),
    crlf(['BREW /pot HTCPCP/1.0']),
    crlf(['GET / HTTP/1.1', 'no colon here']),
    crlf(['GET / HTTP/1.1', 'Host: 127.0.0.1', ' folded: line']),
    crlf(['POST / HTTP/1.1', 'Host: 127.0.0.1', 'Content-Length: -1']),
    crlf(['POST / HTTP/1.1', 'Host: 127.0.0.1', 'Transfer-Encoding: chunked', '', 'zz']),
    crlf([`GET /${'a'.repeat(70_000)} HTTP/1.1`, 'Host: 127.0.0.1']),
    crlf(['GET / HTTP/1.1', `Cookie: ${'si_token_1=x; '.repeat(200)}`, 'Host: 127.0.0.1']),
    Buffer.from([0x00, 0xff, 0x16, 0x03, 0x01, 0x00, 0x05, 0x0d, 0x0a, 0x0d, 0x0a]),
    Buffer.from('\r\n\r\n')
  ]
}

/** A seeded generator, so a failing case can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function mutated(random: () => number): Buffer {
  const base = crlf(upgradeLines(`/ws?token=${token}`))
  const out = Buffer.from(base)
  const flips = 1 + Math.floor(random() * 8)
  for (let i = 0; i < flips; i++)
    out[Math.floor(random() * out.length)] = Math.floor(random() * 256)
  return out
}

async function answersAppInfo(): Promise<number> {
  const link = connectWs(`ws://127.0.0.1:${port}/ws?token=${token}`)
  try {
    await waitFor(() => link.status() === 'open', 'the WebSocket opening')
    return (await toApi(link.bridge)['app:info']()).pid
  } finally {
    link.close()
  }
}

describe('serve survives malformed requests', () => {
  it('answers app:info after every named malformed request, in every mode', async () => {
    for (const mode of ['end', 'reset-before', 'reset-after'] as const) {
      for (const bytes of namedCases()) await poke(bytes, mode)
      expect(child.exitCode, `${mode}: ${stderr}`).toBeNull()
    }
    expect(await answersAppInfo()).toBe(child.pid)
  })

  it('answers app:info after seeded random mutations of an upgrade, closed or reset', async () => {
    const random = mulberry32(8_2026)
    const modes: readonly Mode[] = ['end', 'reset-before', 'reset-after']
    for (let i = 0; i < RANDOM_CASES; i++) await poke(mutated(random), modes[i % modes.length]!)
    expect(child.exitCode, stderr).toBeNull()
    expect(await answersAppInfo()).toBe(child.pid)
  })
})
