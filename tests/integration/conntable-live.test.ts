// The live table on the real OS (Linux procfs): diffs by seq, state history through a
// socket's life, the grace period, and the app's own sockets joined to their sessions.
import { readFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import type { Socket } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import type { TableDiff, TableRow } from '../../src/shared/model'
import { waitFor } from '../support/net'

const linux = process.platform === 'linux'
if (!linux) console.log('live connection-table tests read Linux procfs; skipped here')

const inspector = new Inspector({ shell: 'test' })
afterAll(() => inspector.close())

const rowOf = (diff: TableDiff, pick: (r: TableRow) => boolean): TableRow | undefined =>
  [...diff.added, ...diff.changed].find(pick)

/** Whether the kernel lists an IPv4 TCP socket from local port `from` to remote port `to`. */
function kernelHas(from: number, to: number): boolean {
  const hex = (p: number): string => `:${p.toString(16).toUpperCase().padStart(4, '0')}`
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .some((line) => {
      const [, local, remote] = line.trim().split(/\s+/)
      return local?.endsWith(hex(from)) === true && remote?.endsWith(hex(to)) === true
    })
}

describe.runIf(linux)('live connection table', () => {
  it('follows one connection: added, changed, closing, TIME_WAIT with its history, then removed', async () => {
    await inspector.internals.table.configure({ graceMs: 0 })
    // A server that never reads, so bytes pile up in its receive queue.
    let accepted: Socket | null = null
    const server = createServer({ pauseOnConnect: true }, (s) => (accepted = s))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    const port = (server.address() as { port: number }).port
    await inspector.internals.table.poll()

    const client = connect(port, '127.0.0.1')
    await new Promise<void>((r) => client.once('connect', () => r()))
    await waitFor(() => accepted !== null)
    const clientPort = client.localPort!
    const isClient = (r: TableRow): boolean => r.localPort === clientPort && r.remotePort === port
    const isAccepted = (r: TableRow): boolean => r.localPort === port && r.remotePort === clientPort

    const opened = await inspector.internals.table.poll()
    expect(opened.added.find(isClient)?.state).toBe('ESTABLISHED')
    expect(opened.added.find(isAccepted)?.state).toBe('ESTABLISHED')

    client.write(Buffer.alloc(1000, 1))
    const used = await inspector.internals.table.poll()
    expect(rowOf(used, isAccepted)?.recvQueue).toBe(1000)

    // The client closes first (active close): its socket goes to TIME_WAIT.
    await new Promise<void>((r) => {
      client.once('close', () => r())
      client.end()
      accepted!.resume()
      accepted!.on('end', () => accepted!.end())
    })
    // The accepted end leaves LAST_ACK when the client's last ACK arrives (on loopback,
    // almost at once): wait for the kernel to say so, then poll once.
    await waitFor(() => !kernelHas(port, clientPort), 'the accepted end closed in the kernel')
    const closed = await inspector.internals.table.poll()
    const tw = rowOf(closed, isClient)!
    expect(tw.state).toBe('TIME_WAIT')
    expect(tw.id).toBe(opened.added.find(isClient)!.id)
    expect(tw.history.map((h) => h.state)).toEqual(['ESTABLISHED', 'TIME_WAIT'])
    const gone = rowOf(closed, isAccepted)!
    expect(gone.closingSince).not.toBeNull()
    expect(gone.history.map((h) => h.state).at(-1)).toBe('CLOSED')
    // It reads closed, not its last state with an owner's pid and fd.
    expect(gone).toMatchObject({ state: 'CLOSED', owners: [], sendQueue: null, recvQueue: null })

    const after = await inspector.internals.table.poll()
    expect(after.removed).toContain(gone.id)
    expect(after.seq).toBe(closed.seq + 1)
    server.close()
  })

  it('marks the app’s own sockets: a server with N clients is N+1 rows, each with its fd and session', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const clients = [
      await inspector.call('client:connect', [{ protocol: 'tcp', port: server.port! }]),
      await inspector.call('client:connect', [{ protocol: 'tcp', port: server.port! }])
    ]
    await waitFor(
      () => inspector.internals.servers.list().find((l) => l.id === server.id)!.sessionsOpen === 2
    )
    const { rows } = await inspector.call('table:snapshot', [])
    const serverSide = rows.filter(
      (r) => r.localPort === server.port && (r.listenerId === server.id || r.sessionId !== null)
    )
    expect(serverSide).toHaveLength(3)
    const listening = serverSide.find((r) => r.state === 'LISTEN')!
    expect(listening.listenerId).toBe(server.id)
    expect(listening.owners).toContainEqual({
      pid: process.pid,
      process: expect.any(String),
      fd: server.fd
    })
    const sessions = inspector.internals.sessions.list().filter((s) => s.listenerId === server.id)
    for (const s of sessions) {
      const row = serverSide.find((r) => r.sessionId === s.id)!
      expect(row.owners.find((o) => o.pid === process.pid)?.fd).toBe(s.fd)
    }
    for (const c of clients) {
      expect(rows.find((r) => r.sessionId === c.id)?.localPort).toBe(c.local.port)
    }
  })

  it('shows the kernel’s byte counts (TCP_INFO via netlink) beside the app’s own for one session', async () => {
    expect(inspector.internals.table.status().source).toBe('netlink')
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const client = await inspector.call('client:connect', [{ protocol: 'tcp', port: server.port! }])
    await inspector.call('client:send', [
      client.id,
      { data: 'ab'.repeat(500), encoding: 'hex', repeat: 3 }
    ])
    await waitFor(() => inspector.internals.sessions.get(client.id)!.bytesIn === 1500)
    // The kernel records the ack a moment after the app's write completes.
    let row: TableRow | undefined
    await waitFor(() => {
      void inspector.internals.table.poll()
      row = [
        ...(inspector.internals.table as unknown as { rows: Map<string, TableRow> }).rows.values()
      ].find((r) => r.sessionId === client.id)
      return (row?.tcpInfo?.bytesAcked ?? 0) >= 1500
    }, 'kernel acked every byte')
    const app = inspector.internals.sessions.get(client.id)!.snapshot()
    expect(row!.tcpInfo).toMatchObject({ bytesSent: app.bytesOut, bytesReceived: app.bytesIn })
    // bytes_acked counts the SYN's sequence number too on the side that connected.
    expect(row!.tcpInfo!.bytesAcked).toBeGreaterThanOrEqual(app.bytesOut)
  })

  it('gives each session its kernel row on a poll, and reads TCP_INFO from its own fd on demand', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const client = await inspector.call('client:connect', [{ protocol: 'tcp', port: server.port! }])
    await inspector.call('client:send', [client.id, { data: 'cd'.repeat(700), encoding: 'hex' }])
    await waitFor(() => inspector.internals.sessions.get(client.id)!.bytesIn === 700)

    // A poll may already be under way from an earlier test's loop: wait for the poll that
    // sees this connection, then read the fd directly.
    await waitFor(async () => {
      await inspector.internals.table.poll()
      return inspector.internals.sessions.get(client.id)!.snapshot().kernel?.via === 'netlink'
    }, 'a poll gave the session its kernel row')
    const polled = inspector.internals.sessions.get(client.id)!.snapshot().kernel!
    expect(polled).toMatchObject({ via: 'netlink', state: 'ESTABLISHED', recvQueue: 0 })
    expect(polled.inode).toBeGreaterThan(0)
    expect(polled.tcpInfo).toMatchObject({ bytesSent: 700, bytesReceived: 700 })

    const direct = await inspector.call('session:kernel', [client.id])
    const app = inspector.internals.sessions.get(client.id)!.snapshot()
    expect(direct).toMatchObject({ via: 'getsockopt', state: 'ESTABLISHED' })
    expect(direct!.tcpInfo).toMatchObject({ bytesSent: app.bytesOut, bytesReceived: app.bytesIn })
    const accepted = inspector.internals.sessions.list().find((s) => s.listenerId === server.id)!
    expect(accepted.kernel?.tcpInfo).toMatchObject({ bytesSent: 700, bytesReceived: 700 })
  })

  it('answers who holds a port, and how it is bound', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const holders = await inspector.call('table:holders', [server.port!, 'tcp'])
    expect(holders).toEqual([
      {
        protocol: 'tcp',
        localAddress: '127.0.0.1',
        localPort: server.port,
        state: 'LISTEN',
        binding: 'loopback',
        owners: [{ pid: process.pid, process: expect.any(String), fd: server.fd }]
      }
    ])
  })

  it('polls only while someone listens to table:diff', async () => {
    expect(inspector.internals.table.status().polling).toBe(false)
    const diffs: number[] = []
    const off = inspector.on('table:diff', (d) => diffs.push(d.seq))
    expect(inspector.internals.table.status().polling).toBe(true)
    await waitFor(() => diffs.length > 0)
    off()
    expect(inspector.internals.table.status().polling).toBe(false)
  })
})
