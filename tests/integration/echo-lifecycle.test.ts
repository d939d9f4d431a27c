// Half-close, reset, stop under load, stale and live Unix sockets, greetings, idle UDP peers.
import { spawnSync } from 'node:child_process'
import { connect } from 'node:net'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import type { Notice, Session } from '../../src/shared/model'
import { roundTrip, waitFor } from '../support/net'

const inspector = new Inspector({ shell: 'test' })
const dir = mkdtempSync(join(tmpdir(), 'si-life-'))
afterAll(async () => {
  await inspector.close()
  rmSync(dir, { recursive: true, force: true })
})

const sessionsOf = (listenerId: string): Session[] =>
  inspector.internals.sessions.list().filter((s) => s.listenerId === listenerId)

describe('echo life cycle', () => {
  it('greets on accept, honours a half-close by echoing what is pending, then ends', async () => {
    const server = await inspector.call('echo:start', [
      { protocol: 'tcp', port: 0, greeting: 'hello\\r\\n\\x07' }
    ])
    const seen: string[] = []
    const off = inspector.on('session:update', (list) =>
      list.forEach((s) => s.listenerId === server.id && seen.push(s.state))
    )
    const result = await roundTrip({ port: server.port! }, Buffer.from('last words'))
    off()
    expect(result.received.toString('latin1')).toBe('hello\r\n\x07last words')
    expect(result.sawEnd).toBe(true)
    await waitFor(() => sessionsOf(server.id)[0]?.state === 'closed')
    const [s] = sessionsOf(server.id)
    expect(s!.bytesOut).toBe(8 + 10)
    expect(s!.closeReason).toBe('end')
    expect(s!.fd).toBeGreaterThan(2)
  })

  it('records a reset from the client on both ends', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const client = await inspector.call('client:connect', [{ protocol: 'tcp', port: server.port! }])
    await inspector.call('client:send', [client.id, { data: 'ping', encoding: 'text' }])
    await waitFor(() => inspector.internals.sessions.get(client.id)!.bytesIn === 4)
    const after = await inspector.call('client:reset', [client.id])
    expect(after.id).toBe(client.id)
    await waitFor(
      () =>
        sessionsOf(server.id)[0]?.state === 'closed' &&
        inspector.internals.sessions.get(client.id)!.closed
    )
    expect(sessionsOf(server.id)[0]!.closeReason).toBe('reset')
    expect(inspector.internals.sessions.get(client.id)!.closeReason).toBe('reset')
    await expect(
      inspector.call('client:send', [client.id, { data: 'x', encoding: 'text' }])
    ).rejects.toMatchObject({ code: 'ECLOSED' })
  })

  it('closes gracefully: FIN, the echo of what was queued, then closed', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const client = await inspector.call('client:connect', [{ protocol: 'tcp', port: server.port! }])
    await inspector.call('client:send', [client.id, { data: 'abc', encoding: 'text', repeat: 100 }])
    const closing = await inspector.call('client:close', [client.id])
    expect(closing.state).toBe('half-closed')
    await waitFor(() => inspector.internals.sessions.get(client.id)!.closed)
    const c = inspector.internals.sessions.get(client.id)!.snapshot()
    expect(c.closeReason).toBe('end')
    expect(c.bytesIn).toBe(300)
    expect(c.bytesOut).toBe(300)
  })

  it('stops a server under load: every session ends as server-stopped, echoed bytes are a clean prefix', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const block = Buffer.alloc(16 * 1024, 'x')
    const LIMIT = 64 * 1024 * 1024
    const streams = Array.from({ length: 20 }, () => {
      const socket = connect({ port: server.port!, host: '127.0.0.1' })
      let got = 0
      let sent = 0
      let clean = true
      socket.on('data', (d: Buffer) => {
        got += d.length
        if (!d.every((b) => b === 0x78)) clean = false
      })
      socket.on('error', () => undefined)
      const pump = (): void => {
        // Bounded: stop writing after LIMIT bytes even if the server never stops.
        while (sent < LIMIT && !socket.destroyed && socket.write(block)) sent += block.length
        if (sent < LIMIT && !socket.destroyed) socket.once('drain', pump)
      }
      socket.on('connect', pump)
      const closed = new Promise<void>((r) => socket.on('close', () => r()))
      return { closed, stats: () => ({ got, clean }) }
    })
    await waitFor(
      () =>
        sessionsOf(server.id).length === 20 && sessionsOf(server.id).every((s) => s.bytesOut > 0)
    )
    const stopped = await inspector.call('echo:stop', [server.id, { closeSessions: true }])
    expect(stopped.state).toBe('stopped')
    await Promise.all(streams.map((s) => s.closed))
    await waitFor(() => sessionsOf(server.id).every((s) => s.state === 'closed'))
    for (const s of sessionsOf(server.id)) {
      expect(s.closeReason).toBe('server-stopped')
      expect(s.bytesOut).toBeLessThanOrEqual(s.bytesIn)
    }
    for (const s of streams) expect(s.stats().clean).toBe(true)
    await expect(roundTrip({ port: server.port! }, Buffer.from('late'))).rejects.toMatchObject({
      code: 'ECONNREFUSED'
    })
  })

  it('keeps sessions running when asked to stop only the listening socket', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const client = await inspector.call('client:connect', [{ protocol: 'tcp', port: server.port! }])
    await inspector.call('echo:stop', [server.id, { closeSessions: false }])
    await inspector.call('client:send', [client.id, { data: 'still here', encoding: 'text' }])
    await waitFor(() => inspector.internals.sessions.get(client.id)!.bytesIn === 10)
    await inspector.call('client:close', [client.id])
    await waitFor(() => sessionsOf(server.id)[0]?.state === 'closed')
    expect(sessionsOf(server.id)[0]!.closeReason).toBe('end')
  })

  it('removes a stale Unix socket file and says so; removes its own file on stop', async () => {
    const path = join(dir, 'own.sock')
    const first = await inspector.call('echo:start', [{ protocol: 'unix', path }])
    await inspector.call('echo:stop', [first.id])
    expect(existsSync(path)).toBe(false)
    // A crashed server leaves its file behind with nobody listening; python3 binds and
    // exits without unlinking, which is exactly that.
    const stalePath = join(dir, 'stale.sock')
    const py = spawnSync('python3', [
      '-c',
      `import socket; socket.socket(socket.AF_UNIX).bind(${JSON.stringify(stalePath)})`
    ])
    expect(py.status).toBe(0)
    expect(existsSync(stalePath)).toBe(true)
    const notices: Notice[] = []
    const off = inspector.on('app:notice', (n) => notices.push(n))
    const server = await inspector.call('echo:start', [{ protocol: 'unix', path: stalePath }])
    off()
    expect(server.state).toBe('listening')
    expect(notices.map((n) => n.code)).toContain('STALE_SOCKET_REMOVED')
    await inspector.call('echo:stop', [server.id])
    expect(existsSync(stalePath)).toBe(false)
  })

  it('refuses a Unix path where a server is live, or where a plain file sits', async () => {
    const path = join(dir, 'live.sock')
    await inspector.call('echo:start', [{ protocol: 'unix', path }])
    await expect(inspector.call('echo:start', [{ protocol: 'unix', path }])).rejects.toMatchObject({
      code: 'EADDRINUSE'
    })
    const file = join(dir, 'not-a-socket')
    writeFileSync(file, 'keep me')
    await expect(
      inspector.call('echo:start', [{ protocol: 'unix', path: file }])
    ).rejects.toMatchObject({
      code: 'EEXIST',
      hint: expect.stringContaining('never deletes')
    })
    expect(existsSync(file)).toBe(true)
  })

  it('ends a silent UDP peer’s session after the idle timeout', async () => {
    const server = await inspector.call('echo:start', [
      { protocol: 'udp', port: 0, idleTimeoutMs: 200 }
    ])
    const client = await inspector.call('client:connect', [{ protocol: 'udp', port: server.port! }])
    await inspector.call('client:send', [client.id, { data: 'hi', encoding: 'text' }])
    await waitFor(() => sessionsOf(server.id)[0]?.state === 'closed', 'idle peer closed')
    expect(sessionsOf(server.id)[0]!.closeReason).toBe('idle')
    expect(inspector.internals.servers.list().find((l) => l.id === server.id)!.sessionsOpen).toBe(0)
  })

  it('batches session updates: a burst of reads is one update carrying the final counters', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const updates: Session[][] = []
    const off = inspector.on('session:update', (list) => updates.push(list))
    const client = await inspector.call('client:connect', [{ protocol: 'tcp', port: server.port! }])
    inspector.internals.sessions.flush()
    updates.length = 0
    const record = inspector.internals.sessions.get(client.id)!
    for (let i = 0; i < 1000; i++) inspector.internals.sessions.received(record, Buffer.from('x'))
    inspector.internals.sessions.flush()
    off()
    expect(updates).toHaveLength(1)
    const mine = updates[0]!.filter((s) => s.id === client.id)
    expect(mine).toHaveLength(1)
    expect(mine[0]!.chunksIn).toBe(1000)
  })
})
