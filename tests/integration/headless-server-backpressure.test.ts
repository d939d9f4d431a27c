// Bounded memory per client: a WebSocket client that stops reading while the table churns
// (and while it asks for huge replies) cannot grow the server past the documented bound.
// The server is the real headless server with the real core; the client is a bare socket
// that stops reading, so the kernel buffers fill and the server's own queue (bufferedAmount)
// grows.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, connect } from 'node:net'
import type { Server, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { startHeadlessServer } from '../../src/main/headless/server'
import type { HeadlessServer } from '../../src/main/headless/server'
import type { PeerStats } from '../../src/main/wire-peer'
import type { ServerMessage } from '../../src/shared/wire'
import {
  PEER_HARD_BUFFER_BYTES,
  PEER_MAX_CALLS_IN_FLIGHT,
  PEER_SOFT_BUFFER_BYTES,
  WS_CLOSE_TOO_SLOW
} from '../../src/shared/wire'
import { waitFor } from '../support/net'
import { maskedTextFrame, openRawWs } from '../support/raw-ws'
import type { RawFrame, RawWs } from '../support/raw-ws'

/** At most this many big calls to fill the buffers; the test fails if that is not enough. */
const MAX_FILL_CALLS = 4_000
/** Connections the churn opens and closes at most (bounded, loopback only). */
const MAX_CHURN = 20_000

let staticDir: string
let inspector: Inspector
let server: HeadlessServer
let sink: Server
let churning = true
let churned = 0
/** A cheap command with a big answer: the hex dump of a session's 256 KiB of traffic. */
let hugeReply: { name: string; args: unknown[] }

beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'si-static-'))
  await writeFile(join(staticDir, 'index.html'), '<!doctype html>')
  inspector = new Inspector({ shell: 'test' })
  server = await startHeadlessServer({ inspector, staticDir })
  const echo = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
  const client = await inspector.call('client:connect', [{ protocol: 'tcp', port: echo.port! }])
  await inspector.call('client:send', [
    client.id,
    { data: 'ab'.repeat(32 * 1024), encoding: 'hex', repeat: 8 }
  ])
  hugeReply = { name: 'session:export', args: [client.id, 'hex'] }
  let echoed = 0
  inspector.on('session:update', (list) => {
    for (const x of list) if (x.id === client.id) echoed = x.bytesIn
  })
  await waitFor(() => echoed === 8 * 32 * 1024, 'the echo of 256 KiB')
  sink = createServer((s) => s.on('error', () => undefined).resume())
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r))
  void churn()
})

afterAll(async () => {
  churning = false
  await server.close()
  await inspector.close()
  await new Promise((r) => sink.close(r))
  await rm(staticDir, { recursive: true, force: true })
})

/** Opens and closes loopback connections so that every poll has rows to add and remove. */
async function churn(): Promise<void> {
  const { port } = sink.address() as { port: number }
  while (churning && churned < MAX_CHURN) {
    const batch: Socket[] = []
    for (let i = 0; i < 20; i++) batch.push(connect(port, '127.0.0.1').on('error', () => undefined))
    await Promise.all(batch.map((s) => new Promise((r) => s.once('connect', r).once('close', r))))
    for (const s of batch) s.destroy()
    churned += batch.length
    await new Promise((r) => setTimeout(r, 5))
  }
}

interface SlowClient {
  readonly raw: RawWs
  messages(): ServerMessage[]
  closeFrame(): { code: number; reason: string } | null
  send(message: object): void
}

async function slowClient(): Promise<SlowClient> {
  const raw = await openRawWs(server.port, `/ws?token=${server.token}`)
  const texts = (): RawFrame[] => raw.frames.filter((f) => f.opcode === 1)
  return {
    raw,
    messages: () => texts().map((f) => JSON.parse(f.payload.toString()) as ServerMessage),
    closeFrame: () => {
      const f = raw.frames.find((x) => x.opcode === 8)
      return f
        ? { code: f.payload.readUInt16BE(0), reason: f.payload.subarray(2).toString() }
        : null
    },
    send: (message) => raw.sendText(JSON.stringify(message))
  }
}

let nextId = 1
let asked = 0
/** Asks for one huge reply and waits until the server has answered it (into its queue). */
async function askForHugeReply(client: SlowClient): Promise<void> {
  client.send({ t: 'call', id: nextId++, ...hugeReply })
  asked++
  await waitFor(() => (server.peers()[0]?.callsAnswered ?? asked) >= asked, 'the server answering')
}

/**
 * Keeps the server's queue for this client just past the soft limit (the kernel's buffers
 * grow as they fill, so it drains into them for a while) until `done()`.
 */
async function keepAboveSoftLimit(client: SlowClient, done: () => boolean): Promise<void> {
  const peer = (): PeerStats => server.peers()[0]!
  for (let calls = 0; calls < MAX_FILL_CALLS && !done(); calls++) {
    if (peer().unreadBytes <= PEER_SOFT_BUFFER_BYTES) await askForHugeReply(client)
    else await waitFor(() => done() || peer().unreadBytes <= PEER_SOFT_BUFFER_BYTES)
  }
}

/** Asks for huge replies until the server closes the client. */
async function askUntilClosed(client: SlowClient): Promise<void> {
  for (let calls = 0; calls < MAX_FILL_CALLS && server.peers()[0]?.closedFor === null; calls++) {
    await askForHugeReply(client)
  }
}

describe('a WebSocket client that stops reading', () => {
  it('is held under the hard bound: diffs are held back, then it is closed with 4429', async () => {
    const client = await slowClient()
    client.send({ t: 'call', id: nextId++, name: 'table:configure', args: [{ rateHz: 10 }] })
    client.send({ t: 'sub', name: 'table:diff' })
    await waitFor(() => client.messages().some((m) => m.t === 'event'), 'a first table:diff')
    const replyId = nextId
    await askForHugeReply(client)
    await waitFor(() => client.messages().some((m) => m.t === 'result' && m.id === replyId))
    const oneReply = JSON.stringify(
      client.messages().find((m) => m.t === 'result' && m.id === replyId)
    ).length

    // Stop reading: the kernel's buffers fill first, then the server's own queue.
    client.raw.socket.pause()
    const stats = (): PeerStats => server.peers()[0]!
    const churnedBefore = churned
    await keepAboveSoftLimit(client, () => stats().droppedDiffs > 0)
    expect(stats().droppedDiffs).toBeGreaterThan(0)
    expect(churned).toBeGreaterThan(churnedBefore)
    expect(stats().peakUnreadBytes).toBeLessThanOrEqual(PEER_HARD_BUFFER_BYTES)

    // Catching up, the client sees a gap in the diffs' seq (and would fetch a snapshot).
    client.raw.socket.resume()
    await waitFor(() => stats().unreadBytes === 0, 'the client catching up')
    const before = seqs(client.messages()).length
    await waitFor(() => seqs(client.messages()).length > before, 'a diff after catching up')
    const all = seqs(client.messages())
    expect(all.some((s, i) => i > 0 && s > all[i - 1]! + 1)).toBe(true)

    // Past the hard bound it is closed with a clear code and reason, and never grows further.
    client.raw.socket.pause()
    await askUntilClosed(client)
    const peak = stats().peakUnreadBytes
    console.log(
      `slow reader: peak server-side buffered ${peak} bytes (hard bound ${PEER_HARD_BUFFER_BYTES}; replies of ${oneReply} bytes), ${stats().droppedDiffs} diffs held back, ${churned} connections churned`
    )
    expect(stats().closedFor).toMatch(/too slow/)
    expect(peak).toBeLessThanOrEqual(PEER_HARD_BUFFER_BYTES)
    client.raw.socket.resume()
    await waitFor(() => client.closeFrame() !== null, 'the close frame')
    expect(client.closeFrame()).toEqual({
      code: WS_CLOSE_TOO_SLOW,
      reason: `too slow: over ${PEER_HARD_BUFFER_BYTES} bytes unread`
    })
    client.raw.socket.destroy()
  })

  it('answers calls past the in-flight cap with EBUSY, in words', async () => {
    const client = await slowClient()
    const first = nextId
    // Many calls in one burst: each waits at least for a file read, so they pile up.
    const burst = Array.from({ length: PEER_MAX_CALLS_IN_FLIGHT * 3 }, () =>
      JSON.stringify({ t: 'call', id: nextId++, name: 'app:info', args: [] })
    )
    client.raw.socket.write(Buffer.concat(burst.map(maskedTextFrame)))
    const results = (): Extract<ServerMessage, { t: 'result' }>[] =>
      client
        .messages()
        .filter(
          (m): m is Extract<ServerMessage, { t: 'result' }> => m.t === 'result' && m.id >= first
        )
    await waitFor(() => results().length === PEER_MAX_CALLS_IN_FLIGHT * 3, 'every answer')
    const busy = results().filter((r) => !r.result.ok)
    expect(busy.length).toBeGreaterThan(0)
    expect(results().filter((r) => r.result.ok).length).toBeGreaterThanOrEqual(
      PEER_MAX_CALLS_IN_FLIGHT
    )
    const error = (busy[0]!.result as { error: { code: string; message: string } }).error
    expect(error.code).toBe('EBUSY')
    expect(error.message).toMatch(/at most 32 waiting for an answer/)
    client.raw.socket.destroy()
  })
})

function seqs(messages: readonly ServerMessage[]): number[] {
  return messages.flatMap((m) =>
    m.t === 'event' && m.name === 'table:diff' ? [m.payload.seq] : []
  )
}
