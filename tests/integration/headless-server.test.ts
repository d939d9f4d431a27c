// The headless shell over real loopback: HTTP with its token rules, and the renderer's own
// WebSocket client (ws-bridge + toApi) talking to the real core.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { Inspector } from '../../src/main/inspector'
import { startHeadlessServer } from '../../src/main/headless/server'
import type { HeadlessServer } from '../../src/main/headless/server'
import { connectWs } from '../../src/renderer/src/api/ws-bridge'
import type { LinkStatus } from '../../src/renderer/src/api/ws-bridge'
import { toApi } from '../../src/renderer/src/api/to-api'
import { waitFor } from '../support/net'

// The renderer's client uses the browser's WebSocket; `ws` has the same surface under Node 20.
;(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket

let staticDir: string
let inspector: Inspector
let server: HeadlessServer
let base: string

beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'si-static-'))
  await mkdir(join(staticDir, 'assets'))
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>t</title>')
  await writeFile(join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1)')
  await writeFile(join(tmpdir(), 'si-secret.txt'), 'secret')
  inspector = new Inspector({ shell: 'headless' })
  server = await startHeadlessServer({ inspector, staticDir })
  base = `http://127.0.0.1:${server.port}`
})

afterAll(async () => {
  await server.close()
  await inspector.close()
  await rm(staticDir, { recursive: true, force: true })
})

function get(
  path: string,
  headers: Record<string, string> = {}
): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

function closeCodeOf(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.on('close', (code) => resolve(code))
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.on('error', () => undefined)
    setTimeout(() => reject(new Error('no close')), 10_000).unref()
  })
}

describe('headless server: HTTP', () => {
  it('prints a loopback URL that carries the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`)
    expect(server.token.length).toBeGreaterThanOrEqual(32)
  })

  it('refuses a request without the token, or with a wrong one, with 401', async () => {
    expect((await get('/')).status).toBe(401)
    expect((await get('/assets/app-abc123.js')).status).toBe(401)
    expect((await get(`/?token=${'x'.repeat(server.token.length)}`)).status).toBe(401)
    expect((await get('/?token=short')).status).toBe(401)
  })

  it('serves the page with the token, sets a strict cookie and a strict CSP', async () => {
    const res = await get(`/?token=${server.token}`)
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>t</title>')
    expect(String(res.headers['set-cookie'])).toBe(
      `si_token_${server.port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`
    )
    expect(res.headers['content-security-policy']).toContain("script-src 'self'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('accepts the cookie for the page’s assets', async () => {
    const res = await get('/assets/app-abc123.js', {
      cookie: `si_token_${server.port}=${server.token}`
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('text/javascript')
  })

  it('does not take the cookie of a serve on another port', async () => {
    const res = await get('/assets/app-abc123.js', { cookie: `si_token_1=${server.token}` })
    expect(res.status).toBe(401)
  })

  it('answers a request target that is not a URL with 400', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const s = connect(server.port, '127.0.0.1', () =>
        s.end(`GET http://[/ HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n\r\n`)
      )
      let text = ''
      s.on('data', (c) => (text += String(c)))
      s.on('close', () => resolve(text))
      s.on('error', reject)
    })
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
    expect(answer).toContain('not a URL path')
  })

  it('never serves a file outside the renderer folder', async () => {
    const cookie = { cookie: `si_token_${server.port}=${server.token}` }
    expect((await get('/../si-secret.txt', cookie)).status).toBe(404)
    expect((await get('/%2e%2e/si-secret.txt', cookie)).status).toBe(404)
    expect((await get('/assets/%2e%2e/%2e%2e/si-secret.txt', cookie)).status).toBe(404)
  })

  it('refuses a Host header that is not loopback (DNS rebinding)', async () => {
    const res = await get(`/?token=${server.token}`, { host: 'attacker.example:80' })
    expect(res.status).toBe(403)
  })
})

describe('headless server: WebSocket', () => {
  it('closes a socket without the token with code 4401', async () => {
    expect(await closeCodeOf(`ws://127.0.0.1:${server.port}/ws`)).toBe(4401)
  })

  it('refuses a socket opened from another origin', async () => {
    const url = `ws://127.0.0.1:${server.port}/ws?token=${server.token}`
    expect(await closeCodeOf(url, { origin: 'https://evil.example' })).toBe(403)
  })

  it('closes a socket that sends something that is not a message', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`)
    await new Promise((r) => ws.once('open', r))
    const code = new Promise<number>((r) => ws.once('close', r))
    ws.send('{"t":"call","id":-1}')
    expect(await code).toBe(4400)
  })

  it('carries commands and events through the renderer’s own client', async () => {
    const link = connectWs(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`)
    const statuses: LinkStatus[] = []
    link.onStatus((s) => statuses.push(s))
    const api = toApi(link.bridge)
    try {
      await waitFor(() => link.status() === 'open')
      const info = await api['app:info']()
      expect(info.pid).toBe(process.pid)
      expect(info.shell).toBe('headless')

      const bad = (api['app:info'] as unknown as (...a: unknown[]) => Promise<unknown>)('x')
      await expect(bad).rejects.toMatchObject({ code: 'EINVAL' })

      const notices: string[] = []
      const off = api.on('app:notice', (n) => notices.push(n.message))
      await waitFor(() => inspector.listenerCount('app:notice') === 1)
      inspector.notify({ level: 'info', code: 'T', message: 'over the wire' })
      await waitFor(() => notices.length === 1)
      expect(notices).toEqual(['over the wire'])
      off()
      await waitFor(() => inspector.listenerCount('app:notice') === 0)
      expect(statuses).toContain('open')
    } finally {
      link.close()
    }
  })

  it('drops a client’s subscriptions when its socket closes', async () => {
    const link = connectWs(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`)
    link.bridge.on('app:notice', () => undefined)
    await waitFor(() => inspector.listenerCount('app:notice') === 1)
    link.close()
    await waitFor(() => inspector.listenerCount('app:notice') === 0)
  })

  it('reports a wrong token as unauthorized and does not retry', async () => {
    const link = connectWs(`ws://127.0.0.1:${server.port}/ws?token=nope`)
    await waitFor(() => link.status() === 'unauthorized')
    await expect(link.bridge['app:info']()).resolves.toMatchObject({
      ok: false,
      error: { code: 'EDISCONNECTED' }
    })
    link.close()
  })
})

describe('headless server: bind policy', () => {
  it('refuses a non-loopback host unless remote use is allowed', async () => {
    await expect(
      startHeadlessServer({ inspector, staticDir, host: '0.0.0.0' })
    ).rejects.toMatchObject({ code: 'EREMOTE', hint: expect.stringContaining('--allow-remote') })
  })

  it('reports a port in use as EADDRINUSE with a hint', async () => {
    await expect(
      startHeadlessServer({ inspector, staticDir, port: server.port })
    ).rejects.toMatchObject({ code: 'EADDRINUSE', hint: expect.any(String) })
  })
})
