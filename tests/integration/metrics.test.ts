// /metrics scraped over HTTP like Prometheus does, checked by Debian's promtool (a parser we
// did not write), and its counts compared with ss for a process this test starts.
import { execFile, spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { startExporter } from '../../src/main/metrics/http'
import type { Exporter } from '../../src/main/metrics/http'

const run = promisify(execFile)
const TOKEN = 'metrics-test-token-0123456789'
const CONNECTIONS = 5
// A process holding one listener and CONNECTIONS connections to it (both ends).
const HOLDER = `
import socket, sys
l = socket.socket(); l.bind(('127.0.0.1', 0)); l.listen(16)
ends = []
for _ in range(${CONNECTIONS}):
    ends.append(socket.create_connection(l.getsockname())); ends.append(l.accept()[0])
print(l.getsockname()[1], flush=True)
sys.stdin.read()
`

let holder: ChildProcessWithoutNullStreams
let holderPort = 0
let inspector: Inspector
let exporter: Exporter

beforeAll(async () => {
  holder = spawn('python3', ['-c', HOLDER])
  holderPort = await new Promise<number>((resolve, reject) => {
    holder.stdout.once('data', (c: Buffer) => resolve(Number(c.toString().trim())))
    holder.once('exit', (code) => reject(new Error(`python3 exited ${code}`)))
  })
  inspector = new Inspector({ shell: 'test' })
  exporter = await startExporter({
    inspector,
    host: '127.0.0.1',
    port: 0,
    allowRemote: false,
    token: TOKEN,
    public: false,
    topProcesses: 1000
  })
})
afterAll(async () => {
  await exporter?.close()
  await inspector?.close()
  holder?.stdin.end()
})

async function scrape(accept?: string): Promise<string> {
  const res = await fetch(exporter.url, {
    headers: { authorization: `Bearer ${TOKEN}`, ...(accept ? { accept } : {}) }
  })
  expect(res.status).toBe(200)
  return res.text()
}

function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`)
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue
    const inside = line.slice(name.length + 1, line.lastIndexOf('}'))
    if (want.every((w) => inside.split(',').includes(w))) return Number(line.split(' ').pop())
  }
  return null
}

function promtool(body: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('promtool', ['check', 'metrics'])
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    child.on('close', (code) => resolve({ code: code ?? -1, out }))
    child.stdin.end(body)
  })
}

describe('/metrics', () => {
  it('refuses a scrape without the bearer token, saying how to send it', async () => {
    const res = await fetch(exporter.url)
    expect(res.status).toBe(401)
    expect(await res.text()).toMatch(/bearer header/)
    const wrong = await fetch(exporter.url, { headers: { authorization: 'Bearer nope' } })
    expect(wrong.status).toBe(401)
  })

  it('passes promtool check metrics, in Prometheus text and in OpenMetrics', async () => {
    const text = await scrape()
    const checked = await promtool(text)
    expect(checked.out).toBe('')
    expect(checked.code).toBe(0)
    const open = await scrape('application/openmetrics-text; version=1.0.0')
    expect(open.trimEnd().endsWith('# EOF')).toBe(true)
    expect(open).toContain('# TYPE socket_inspector_poll_duration_seconds histogram')
    // One series name for a counter in both formats.
    expect(text).toMatch(/^socket_inspector_polls_total \d+$/m)
    expect(open).toMatch(/^socket_inspector_polls_total \d+$/m)
  })

  it("agrees with ss on a process's sockets and a listening port", async () => {
    const pid = String(holder.pid)
    const ss = await run('ss', ['-anpH'], { maxBuffer: 256 * 1024 * 1024 })
    const text = await scrape()
    const held = ss.stdout.split('\n').filter((l) => l.includes(`pid=${pid},`)).length
    // Its listener and both ends of each connection, plus its stdio (Node makes those socketpairs).
    expect(held).toBeGreaterThanOrEqual(1 + 2 * CONNECTIONS)
    expect(sample(text, 'socket_inspector_process_sockets', { pid, process: 'python3' })).toBe(held)
    const listening = await run('ss', ['-tlnH', `sport = :${holderPort}`])
    expect(
      sample(text, 'socket_inspector_listening_sockets', {
        protocol: 'tcp',
        port: String(holderPort)
      })
    ).toBe(listening.stdout.trim().split('\n').length)
    expect(sample(text, 'socket_inspector_source_health', { health: 'ok' })).not.toBeNull()
  })

  it("counts the echo servers' sessions and bytes", async () => {
    const l = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const { roundTrip, waitFor } = await import('../support/net')
    await roundTrip({ port: l.port! }, Buffer.from('12345'))
    await waitFor(() => inspector.internals.servers.list()[0]!.bytesOut === 5, 'echo done')
    const text = await scrape()
    expect(sample(text, 'socket_inspector_echo_bytes_total', { direction: 'in' })).toBe(5)
    expect(sample(text, 'socket_inspector_echo_bytes_total', { direction: 'out' })).toBe(5)
    expect(text).toMatch(/^socket_inspector_echo_sessions_accepted_total 1$/m)
  })
})

describe('serve --metrics', () => {
  it('serves /metrics beside the UI behind the serve token, or public when asked', async () => {
    const { startHeadlessServer } = await import('../../src/main/headless/server')
    const { serveMetricsAccess } = await import('../../src/main/headless/exporter-command')
    const staticDir = resolve(__dirname, '../../out/renderer')
    const guarded = await startHeadlessServer({
      inspector,
      staticDir,
      token: TOKEN,
      metrics: await serveMetricsAccess(inspector, { metrics: true })
    })
    const open = await startHeadlessServer({
      inspector,
      staticDir,
      metrics: await serveMetricsAccess(inspector, { metrics: true, metricsPublic: true })
    })
    const off = await startHeadlessServer({ inspector, staticDir, token: TOKEN })
    try {
      const base = `http://127.0.0.1:${guarded.port}/metrics`
      expect((await fetch(base)).status).toBe(401)
      // The UI's ?token= is not a scrape credential; the bearer header is.
      expect((await fetch(`${base}?token=${TOKEN}`)).status).toBe(401)
      const ok = await fetch(base, { headers: { authorization: `Bearer ${TOKEN}` } })
      expect(ok.status).toBe(200)
      expect(await ok.text()).toMatch(/^socket_inspector_sockets\{/m)
      expect((await fetch(`http://127.0.0.1:${open.port}/metrics`)).status).toBe(200)
      // Without --metrics there is no /metrics, even with the token.
      const none = await fetch(`http://127.0.0.1:${off.port}/metrics?token=${TOKEN}`)
      expect(none.status).toBe(404)
    } finally {
      await Promise.all([guarded.close(), open.close(), off.close()])
    }
  })
})
