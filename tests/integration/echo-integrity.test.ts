// Nothing lost: every byte back identical and in order, with exact counters on both ends,
// under many concurrent clients. Real sockets on loopback and a real Unix socket.
import { createHash, randomBytes } from 'node:crypto'
import { createSocket } from 'node:dgram'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import type { Listener, Session } from '../../src/shared/model'
import { roundTrip, waitFor } from '../support/net'

const CLIENTS = 200
const BYTES_EACH = 1024 * 1024
const DATAGRAMS = 10_000
/** Datagrams in flight at once; well under a loopback socket's receive buffer. */
const UDP_WINDOW = 32

const inspector = new Inspector({ shell: 'test' })
const dir = mkdtempSync(join(tmpdir(), 'si-echo-'))
afterAll(async () => {
  await inspector.close()
  rmSync(dir, { recursive: true, force: true })
})

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

async function manyClients(
  target: { port: number } | { path: string },
  server: Listener
): Promise<void> {
  const payloads = Array.from({ length: CLIENTS }, () => randomBytes(BYTES_EACH))
  const results = await Promise.all(payloads.map((p) => roundTrip(target, p)))
  results.forEach((r, i) => {
    expect(r.received.length, `client ${i} got every byte`).toBe(BYTES_EACH)
    expect(sha(r.received), `client ${i} got its own bytes in order`).toBe(sha(payloads[i]!))
    expect(r.sawEnd).toBe(true)
  })
  const mine = (): Session[] =>
    inspector.internals.sessions.list().filter((s) => s.listenerId === server.id)
  await waitFor(
    () => mine().length === CLIENTS && mine().every((s) => s.state === 'closed'),
    'all sessions closed'
  )
  for (const s of mine()) {
    expect(s.bytesIn).toBe(BYTES_EACH)
    expect(s.bytesOut).toBe(BYTES_EACH)
    expect(s.closeReason).toBe('end')
  }
  const listener = inspector.internals.servers.list().find((l) => l.id === server.id)!
  expect(listener.bytesIn).toBe(CLIENTS * BYTES_EACH)
  expect(listener.bytesOut).toBe(CLIENTS * BYTES_EACH)
  expect(listener.sessionsTotal).toBe(CLIENTS)
  expect(listener.sessionsOpen).toBe(0)
}

describe('echo integrity', () => {
  it(`TCP: ${CLIENTS} concurrent clients × 1 MiB of random bytes come back identical`, async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    await manyClients({ port: server.port! }, server)
  })

  it(`Unix socket: ${CLIENTS} concurrent clients × 1 MiB come back identical`, async () => {
    const path = join(dir, 'echo.sock')
    const server = await inspector.call('echo:start', [{ protocol: 'unix', path }])
    expect(server.path).toBe(path)
    await manyClients({ path }, server)
  })

  it('the app’s own client and server count the same bytes on both ends', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const client = await inspector.call('client:connect', [{ protocol: 'tcp', port: server.port! }])
    const block = randomBytes(64 * 1024)
    await inspector.call('client:send', [
      client.id,
      { data: block.toString('hex'), encoding: 'hex', repeat: 16 }
    ])
    const total = 16 * block.length
    await waitFor(
      () => inspector.internals.sessions.get(client.id)!.bytesIn === total,
      'client got all echoes'
    )
    const c = inspector.internals.sessions.get(client.id)!.snapshot()
    const accepted = inspector.internals.sessions.list().find((s) => s.listenerId === server.id)!
    expect(c.bytesOut).toBe(total)
    expect(accepted.bytesIn).toBe(total)
    expect(accepted.bytesOut).toBe(total)
    expect(accepted.remote.port).toBe(c.local.port)
    expect(accepted.local.port).toBe(server.port)
    // 2 MiB crossed, the log keeps 1 MiB a session: what it holds plus what it dropped is
    // everything, and what it holds of the echo is the stream's tail, in order.
    const traffic = await inspector.call('session:traffic', [client.id, { limit: 5000 }])
    const held = traffic.chunks.map((ch) => ({
      dir: ch.dir,
      bytes: Buffer.from(ch.data, 'base64')
    }))
    const heldBytes = held.reduce((n, ch) => n + ch.bytes.length, 0)
    expect(heldBytes + traffic.droppedBytes).toBe(2 * total)
    expect(traffic.droppedBytes).toBeGreaterThan(0)
    const echoed = Buffer.concat(held.filter((ch) => ch.dir === 'in').map((ch) => ch.bytes))
    const stream = Buffer.concat(Array<Buffer>(16).fill(block))
    expect(echoed.equals(stream.subarray(total - echoed.length))).toBe(true)
  })

  it('the traffic page can start from the newest chunks (a view opening on a long session)', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'udp', port: 0 }])
    const client = await inspector.call('client:connect', [{ protocol: 'udp', port: server.port! }])
    await inspector.call('client:send', [client.id, { data: 'ab', encoding: 'text', repeat: 20 }])
    await waitFor(
      () => inspector.internals.sessions.get(client.id)!.chunksIn === 20,
      'all echoes back'
    )
    const all = await inspector.call('session:traffic', [client.id, { limit: 5000 }])
    const newest = await inspector.call('session:traffic', [client.id, { limit: 3, newest: true }])
    expect(all.chunks).toHaveLength(40)
    expect(newest.chunks.map((c) => c.seq)).toEqual(all.chunks.slice(-3).map((c) => c.seq))
    expect(newest.nextSeq).toBe(all.nextSeq)
  })

  it(`UDP: ${DATAGRAMS} datagrams of 1–1400 bytes each come back whole and identical`, async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'udp', port: 0 }])
    const sizes = Array.from({ length: DATAGRAMS }, () => 1 + Math.floor(Math.random() * 1400))
    const sent = sizes.map((n) => randomBytes(n))
    const received: Buffer[] = []
    const socket = createSocket('udp4')
    await new Promise<void>((r) => socket.connect(server.port!, '127.0.0.1', r))
    await new Promise<void>((resolve, reject) => {
      let next = 0
      const sendOne = (): void => {
        if (next < sent.length) socket.send(sent[next++]!)
      }
      socket.on('message', (msg) => {
        received.push(msg)
        if (received.length === sent.length) resolve()
        else sendOne()
      })
      socket.on('error', reject)
      for (let i = 0; i < UDP_WINDOW; i++) sendOne()
      setTimeout(
        () => reject(new Error(`only ${received.length} of ${DATAGRAMS} came back`)),
        50_000
      ).unref()
    })
    socket.close()
    // Loopback keeps order; boundaries and bytes must be exact.
    received.forEach((msg, i) => expect(msg.equals(sent[i]!), `datagram ${i}`).toBe(true))
    await waitFor(
      () =>
        inspector.internals.servers.list().find((l) => l.id === server.id)!.bytesOut ===
        sizes.reduce((a, b) => a + b, 0)
    )
    const peer = inspector.internals.sessions.list().find((s) => s.listenerId === server.id)!
    expect(peer.role).toBe('peer')
    expect(peer.chunksIn).toBe(DATAGRAMS)
    expect(peer.chunksOut).toBe(DATAGRAMS)
    expect(peer.bytesIn).toBe(sizes.reduce((a, b) => a + b, 0))
    expect(peer.bytesOut).toBe(peer.bytesIn)
  })

  it('UDP over IPv6 echoes and keeps one session per peer', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'udp', host: '::1', port: 0 }])
    expect(server.family).toBe('ipv6')
    const a = await inspector.call('client:connect', [
      { protocol: 'udp', host: '::1', port: server.port! }
    ])
    const b = await inspector.call('client:connect', [
      { protocol: 'udp', host: '::1', port: server.port! }
    ])
    await inspector.call('client:send', [a.id, { data: 'one', encoding: 'text' }])
    await inspector.call('client:send', [b.id, { data: 'two\\x00', encoding: 'text', repeat: 2 }])
    await waitFor(
      () =>
        inspector.internals.sessions.get(b.id)!.chunksIn === 2 &&
        inspector.internals.sessions.get(a.id)!.chunksIn === 1
    )
    const peers = inspector.internals.sessions.list().filter((s) => s.listenerId === server.id)
    expect(peers).toHaveLength(2)
    expect(peers.map((p) => p.bytesIn).sort()).toEqual([3, 8])
    expect(peers.every((p) => p.family === 'ipv6')).toBe(true)
  })
})
