// The process tree against real processes: a parent with two children, each holding
// sockets, seen through the real table (netlink) and checked against `ss`, parsed here
// independently, and against the bytes the test moved over loopback.
import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { platformSources } from '../../src/main/conntable/platform-sources'
import { ConnTable } from '../../src/main/conntable/table'
import { ProcessDirectory } from '../../src/main/processes/process-info'
import { ProcessIndex } from '../../src/main/processes/process-index'
import { indexedTree, processTree } from '../../src/main/processes/process-tree'
import { groupByProcess } from '../../src/shared/process-groups'
import type { TableRow } from '../../src/shared/model'
import { waitFor } from '../support/net'

const linux = process.platform === 'linux'
if (!linux) console.log('process-tree tests read /proc and netlink: Linux only; skipped here')

interface Ready {
  readonly pid: number
  readonly listenPort: number
  readonly children: readonly { pid: number; listenPort: number; localPort: number }[]
}

/** What the test's server sends back to each child, by the child's source port. */
const REPLY: Record<number, number> = {}
const SENT = [4000, 7000] // as process-family.mjs sends them, in order
let server: Server
const accepted: Socket[] = []
const received = new Map<number, number>()
let family: ChildProcess
let ready: Ready

function table(): ConnTable {
  const sources = platformSources()
  return new ConnTable({ ...sources, defaultSource: 'netlink', emit: () => undefined })
}

beforeAll(async () => {
  if (!linux) return
  server = createServer((s) => {
    accepted.push(s)
    s.on('data', (d: Buffer) =>
      received.set(s.remotePort!, (received.get(s.remotePort!) ?? 0) + d.length)
    )
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.address() as { port: number }).port
  family = spawn(
    process.execPath,
    [join(__dirname, '../support/process-family.mjs'), 'parent', String(port)],
    {
      stdio: ['pipe', 'pipe', 'inherit']
    }
  )
  ready = await new Promise<Ready>((resolve) => {
    let out = ''
    family.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as Ready)
    })
  })
  // Each child sent its bytes; answer each with a different count, so in and out differ.
  await waitFor(
    () => ready.children.every((c, i) => received.get(c.localPort) === SENT[i]),
    "both children's bytes arriving"
  )
  for (const [i, c] of ready.children.entries()) {
    const s = accepted.find((a) => a.remotePort === c.localPort)!
    REPLY[c.pid] = 1000 * (i + 1)
    s.write(Buffer.alloc(REPLY[c.pid]!, 0x62))
  }
})

afterAll(async () => {
  if (!linux) return
  family.stdin!.end()
  await new Promise((r) => family.once('exit', r))
  for (const s of accepted) s.destroy()
  await new Promise((r) => server.close(r))
})

/** `ss -tuxanpH`, counted by pid, protocol and state, parsed here (not by parse-ss.ts). */
function ssCounts(pids: readonly number[]): Map<string, number> {
  const out = execFileSync('ss', ['-tuxanpH'], { encoding: 'utf8', maxBuffer: 64 << 20 })
  const counts = new Map<string, number>()
  const netids: Record<string, string> = {
    tcp: 'tcp',
    udp: 'udp',
    u_str: 'unix',
    u_seq: 'unix',
    u_dgr: 'unix'
  }
  const states: Record<string, string> = { ESTAB: 'ESTABLISHED' }
  for (const line of out.split('\n')) {
    const [netid, state] = line.trim().split(/\s+/)
    const proto = netids[netid ?? '']
    if (!proto || !state) continue
    const owners = new Set([...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])))
    for (const pid of owners) {
      if (!pids.includes(pid)) continue
      const key = `${pid} ${proto} ${states[state] ?? state}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  return counts
}

function ourCounts(rows: readonly TableRow[], pids: readonly number[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const g of groupByProcess(rows)) {
    if (!pids.includes(g.pid)) continue
    for (const r of g.rows) {
      const key = `${g.pid} ${r.protocol} ${r.state}`
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
  }
  return counts
}

const sorted = (m: Map<string, number>): Array<[string, number]> => [...m].sort()

describe.runIf(linux)('the process tree (real processes)', () => {
  it('groups each process with its own sockets, children under their parent', async () => {
    const rows = (await table().snapshot()).rows
    const nodes = await processTree(rows, '', new ProcessDirectory())
    const parent = nodes.find((n) => n.pid === ready.pid)!
    expect(parent.listening).toEqual([ready.listenPort])
    for (const c of ready.children) {
      const node = nodes.find((n) => n.pid === c.pid)!
      expect(node.name).toBe('node')
      expect(node.parents[0]).toEqual({ pid: ready.pid, name: 'node' })
      expect(node.command).toMatch(/process-family\.mjs child/)
      expect(node.exe).toBe(process.execPath)
      expect(node.user).not.toBeNull()
      expect(node.listening).toEqual([c.listenPort])
      expect(node.byProtocol.tcp).toBe(2) // its listener and its connection
      const ports = rows.filter(
        (r) => r.owners.some((o) => o.pid === c.pid) && r.protocol === 'tcp'
      )
      expect(new Set(node.rowIds)).toEqual(
        new Set(rows.filter((r) => r.owners.some((o) => o.pid === c.pid)).map((r) => r.id))
      )
      expect(ports.map((r) => r.localPort).sort()).toEqual([c.listenPort, c.localPort].sort())
    }
  })

  it('keeps the same tree from the diffs as from grouping the whole table', async () => {
    const index = new ProcessIndex()
    const t = new ConnTable({
      ...platformSources(),
      defaultSource: 'netlink',
      emit: (d) => index.apply(d)
    })
    await t.poll()
    await t.poll()
    const rows = (await t.snapshot()).rows.filter((r) => r.closingSince === null)
    const pids = [ready.pid, ...ready.children.map((c) => c.pid)]
    const fromIndex = await indexedTree(index, new ProcessDirectory(), { lastAt: null }, pids)
    for (const g of groupByProcess(rows).filter((g) => pids.includes(g.pid))) {
      const node = fromIndex.find((n) => n.pid === g.pid)!
      expect(node.byState).toEqual(g.byState)
      expect(node.byProtocol).toEqual(g.byProtocol)
      expect(node.listening).toEqual(g.listening)
      expect([node.bytesIn, node.bytesOut]).toEqual([g.bytesIn, g.bytesOut])
      expect(new Set(node.rowIds)).toEqual(new Set(g.rows.map((r) => r.id)))
    }
  })

  it("counts each process's sockets by state as ss does at the same moment", async () => {
    const pids = [ready.pid, ...ready.children.map((c) => c.pid)]
    // The family's sockets are all in place and idle: the two reads see one moment.
    const rows = (await table().snapshot()).rows
    expect(sorted(ourCounts(rows, pids))).toEqual(sorted(ssCounts(pids)))
  })

  it('adds up the bytes each child sent and received over loopback (TCP_INFO)', async () => {
    for (const [i, c] of ready.children.entries()) {
      // The reply is on its way until the kernel has delivered it; wait for that, bounded.
      let group: ReturnType<typeof groupByProcess>[number] | undefined
      const t = table()
      await waitFor(async () => {
        group = groupByProcess((await t.snapshot()).rows).find((g) => g.pid === c.pid)
        return group?.bytesIn === REPLY[c.pid]
      }, 'the reply reached the child')
      expect(group?.bytesOut).toBe(SENT[i])
      expect(group?.bytesIn).toBe(REPLY[c.pid])
    }
  })
})
