// Closed-socket history and alert rules against the real table: real sockets opened and
// closed by the test, seen by real polls.
import { createServer, connect } from 'node:net'
import type { Server, Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { Alerts } from '../../src/main/alerts/alerts'
import { ClosedHistory, CLOSED_ID_PREFIX } from '../../src/main/conntable/closed-history'
import { platformSources } from '../../src/main/conntable/platform-sources'
import { ConnTable } from '../../src/main/conntable/table'
import type { TableDiff } from '../../src/shared/model'
import { alertsOnTable } from '../support/alert-table'
import { unusedPort, waitFor } from '../support/net'

const linux = process.platform === 'linux'
if (!linux) console.log('history and alert tests poll netlink: Linux only; skipped here')

const open: Array<Server | Socket> = []
afterEach(async () => {
  // Sockets first: a server's close waits for its connections.
  const all = open.splice(0)
  for (const o of all) if ('destroy' in o) o.destroy()
  for (const o of all) if (!('destroy' in o)) await new Promise((r) => o.close(r))
})

function listen(port = 0): Promise<Server> {
  const server = createServer((s) => {
    open.push(s)
    s.resume() // read, so a client's FIN is seen and this end closes too
  })
  open.push(server)
  return new Promise((r) => server.listen(port, '127.0.0.1', () => r(server)))
}

const portOf = (s: Server): number => (s.address() as { port: number }).port

describe.runIf(linux)('closed-socket history', () => {
  async function closeAccepted(table: ConnTable, count: number): Promise<number[]> {
    const server = await listen()
    const ports: number[] = []
    for (let i = 0; i < count; i++) {
      const c = connect(portOf(server), '127.0.0.1')
      open.push(c)
      await new Promise((r) => c.once('connect', r))
      c.write('hello')
      ports.push(c.localPort!)
    }
    await waitFor(() => open.length === 1 + 2 * count, 'the accepted sockets')
    await table.poll()
    // The clients close; the server's ends (accepted) then close and vanish from the
    // table, are held as closing for the grace period (0 here), and then are history.
    const clients = open.filter(
      (o): o is Socket => 'localPort' in o && ports.includes(o.localPort!)
    )
    await Promise.all(clients.map((c) => new Promise((r) => c.end(() => c.once('close', r)))))
    const kept = new Set<number>()
    for (let i = 0; i < 20 && kept.size < count; i++) {
      const d = await table.poll()
      for (const r of d.added)
        if (r.id.startsWith(CLOSED_ID_PREFIX) && ports.includes(r.remotePort!))
          kept.add(r.remotePort!)
    }
    return ports
  }

  const historyTable = (history: ClosedHistory, diffs: TableDiff[] = []): ConnTable => {
    const table = new ConnTable({
      ...platformSources(),
      defaultSource: 'netlink',
      emit: (d) => diffs.push(d),
      history
    })
    table.configure({ graceMs: 0 })
    history.setEnabled(true)
    return table
  }

  it('keeps a closed socket with its life cycle, owner and final byte counts', async () => {
    const history = new ClosedHistory()
    const table = historyTable(history)
    const [port] = await closeAccepted(table, 1)
    const kept = (await table.snapshot()).rows.filter((r) => r.id.startsWith(CLOSED_ID_PREFIX))
    const accepted = kept.find((r) => r.remotePort === port && r.remoteAddress === '127.0.0.1')
    // A vanished socket has no owner any more; who held it last stays (leftBy).
    expect(accepted?.leftBy?.owners[0]?.pid).toBe(process.pid)
    expect(accepted?.tcpInfo?.bytesReceived).toBe(5)
    expect(accepted?.history[0]?.state).toBe('ESTABLISHED')
    expect(accepted?.history.at(-1)?.state).toBe('CLOSED')
    // Turning it off lets every kept row go at the next poll.
    history.setEnabled(false)
    const off = await table.poll()
    for (const r of kept) expect(off.removed).toContain(r.id)
  })

  it('is bounded: past its count the oldest go first, counted; the faces see each come and go', async () => {
    const history = new ClosedHistory(2, 1 << 20)
    const diffs: TableDiff[] = []
    const table = historyTable(history, diffs)
    await closeAccepted(table, 3)
    const kept = (await table.snapshot()).rows.filter((r) => r.id.startsWith(CLOSED_ID_PREFIX))
    const added = new Set(
      diffs.flatMap((d) => d.added.map((r) => r.id)).filter((id) => id.startsWith(CLOSED_ID_PREFIX))
    )
    const removed = new Set(diffs.flatMap((d) => d.removed))
    expect(history.status().kept).toBe(kept.length)
    expect(kept.length).toBeLessThanOrEqual(2)
    // Three of ours closed, so at least one was let go of; every one that went was counted.
    expect(history.status().dropped).toBeGreaterThanOrEqual(1)
    // A removal the faces see is of a row they were sent (one kept and let go of within a
    // poll is sent neither way).
    for (const id of removed) if (id.startsWith(CLOSED_ID_PREFIX)) expect(added.has(id)).toBe(true)
    for (const r of kept) expect(added.has(r.id) && !removed.has(r.id)).toBe(true)
  }, 180_000) // many polls of a busy machine's whole table
})

describe.runIf(linux)('alerts', () => {
  it('fires "listen port:N" once when the port starts listening, and "freed" when it stops', async () => {
    const { fired, alerts, table } = alertsOnTable()
    const port = await unusedPort()
    alerts.setRules([
      { id: 'r1', text: `listen port:${port}`, enabled: true },
      { id: 'r2', text: `freed port:${port}`, enabled: true }
    ])
    await table.poll() // the baseline
    const server = await listen(port)
    await table.poll()
    await table.poll()
    expect(fired.map((a) => [a.ruleId, a.kind])).toEqual([['r1', 'listen']])
    expect(fired[0]!.message).toMatch(
      new RegExp(`pid ${process.pid}\\) is listening on 127\\.0\\.0\\.1:${port}`)
    )
    expect(fired[0]!.row?.localPort).toBe(port)
    await new Promise((r) => server.close(r))
    open.splice(open.indexOf(server), 1)
    await table.poll()
    expect(fired.map((a) => a.kind)).toEqual(['listen', 'freed'])
    expect(alerts.recent().alerts).toHaveLength(2)
  })

  it('fires "count N" once when a process holds more than N connections', async () => {
    const { fired, alerts, table } = alertsOnTable()
    const server = await listen()
    alerts.setRules([{ id: 'c', text: `count 2 port:${portOf(server)}`, enabled: true }])
    await table.poll()
    for (let i = 0; i < 2; i++) {
      const c = connect(portOf(server), '127.0.0.1')
      open.push(c)
      await new Promise((r) => c.once('connect', r))
    }
    await table.poll()
    // Two clients and two accepted ends, all this process's: four connections on the port.
    expect(fired).toHaveLength(1)
    expect(fired[0]!.message).toMatch(/holds 4 connections, more than 2/)
    await table.poll()
    expect(fired).toHaveLength(1)
  })

  it('fires "stuck close-wait 1" once for a socket left in CLOSE_WAIT past a second', async () => {
    const { fired, alerts, table } = alertsOnTable()
    // A server that never reads nor closes: when its client closes, its end stays CLOSE_WAIT.
    const held: Socket[] = []
    const server = createServer({ pauseOnConnect: true }, (s) => held.push(s))
    open.push(server)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
    alerts.setRules([{ id: 's', text: `stuck close-wait 1 port:${portOf(server)}`, enabled: true }])
    await table.poll()
    const c = connect(portOf(server), '127.0.0.1')
    await new Promise((r) => c.once('connect', r))
    await waitFor(() => held.length === 1, 'the accepted socket')
    open.push(...held)
    c.end()
    // Poll until it has been CLOSE_WAIT for more than a second (bounded by waitFor's tries).
    let polling = false
    await waitFor(() => {
      if (!polling) {
        polling = true
        void table.poll().finally(() => (polling = false))
      }
      return fired.length > 0
    }, 'the stuck alert')
    await table.poll()
    await table.poll()
    expect(fired).toHaveLength(1)
    expect(fired[0]!.message).toMatch(/has been CLOSE_WAIT for \d+ s/)
    expect(fired[0]!.row?.state).toBe('CLOSE_WAIT')
    c.destroy()
  })

  it('refuses a bad rule with a sentence that says how to write one', () => {
    const alerts = new Alerts(() => undefined)
    expect(() => alerts.setRules([{ id: 'x', text: 'lissen port:80', enabled: true }])).toThrow(
      /Rule "lissen port:80": "lissen" is not a kind of alert/
    )
    expect(() => alerts.setRules([{ id: 'x', text: 'stuck close-wait', enabled: true }])).toThrow(
      /needs a state and a number of seconds/
    )
    expect(alerts.rules()).toEqual([])
  })
})
