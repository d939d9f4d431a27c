// The connection table against the real OS and the real tools (Linux): a known set of
// sockets opened by this process, as every Linux source reports them, and checked against
// `ss` and `lsof` output parsed here independently of our parsers.
import { execFileSync } from 'node:child_process'
import { createSocket } from 'node:dgram'
import type { Socket as DgramSocket } from 'node:dgram'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { platformSources } from '../../src/main/conntable/platform-sources'
import type { TableSource } from '../../src/main/conntable/source'
import { datagramFd, streamFd } from '../../src/main/socket-fd'
import type { SocketRow, TableSourceId } from '../../src/shared/model'
import { waitFor } from '../support/net'

const linux = process.platform === 'linux'
if (!linux) console.log('connection-table tests against real tools run on Linux only; skipped here')

interface Expected {
  readonly label: string
  readonly protocol: 'tcp' | 'udp' | 'unix'
  readonly local: string
  readonly localPort: number | null
  readonly remote: string | null
  readonly remotePort: number | null
  readonly state: string
  readonly fd: number
}

const dir = mkdtempSync(join(tmpdir(), 'si-table-'))
const servers: Server[] = []
const sockets: Socket[] = []
const dgrams: DgramSocket[] = []
const expected: Expected[] = []
let timeWaitPort = 0

const listen = (
  server: Server,
  arg: { port: number; host: string } | { path: string }
): Promise<void> => new Promise((r) => server.listen(arg, () => r()))
const open = (opts: { port: number; host: string } | { path: string }): Promise<Socket> =>
  new Promise((r) => {
    const s = connect(opts, () => r(s))
    sockets.push(s)
  })

beforeAll(async () => {
  if (!linux) return
  // TCP over IPv4: a listener, three clients and the three accepted ends.
  const accepted: Socket[] = []
  const v4 = createServer((s) => accepted.push(s))
  servers.push(v4)
  await listen(v4, { port: 0, host: '127.0.0.1' })
  const port4 = (v4.address() as { port: number }).port
  expected.push({
    label: 'tcp listener',
    protocol: 'tcp',
    local: '127.0.0.1',
    localPort: port4,
    remote: null,
    remotePort: null,
    state: 'LISTEN',
    fd: streamFd(v4)!
  })
  for (let i = 0; i < 3; i++) {
    const c = await open({ port: port4, host: '127.0.0.1' })
    expected.push({
      label: `tcp client ${i}`,
      protocol: 'tcp',
      local: '127.0.0.1',
      localPort: c.localPort!,
      remote: '127.0.0.1',
      remotePort: port4,
      state: 'ESTABLISHED',
      fd: streamFd(c)!
    })
  }
  await waitFor(() => accepted.length === 3)
  for (const a of accepted) {
    sockets.push(a)
    expected.push({
      label: 'tcp accepted',
      protocol: 'tcp',
      local: '127.0.0.1',
      localPort: port4,
      remote: '127.0.0.1',
      remotePort: a.remotePort!,
      state: 'ESTABLISHED',
      fd: streamFd(a)!
    })
  }
  // TCP over IPv6.
  const v6 = createServer((s) => sockets.push(s))
  servers.push(v6)
  await listen(v6, { port: 0, host: '::1' })
  const port6 = (v6.address() as { port: number }).port
  expected.push({
    label: 'tcp6 listener',
    protocol: 'tcp',
    local: '::1',
    localPort: port6,
    remote: null,
    remotePort: null,
    state: 'LISTEN',
    fd: streamFd(v6)!
  })
  const c6 = await open({ port: port6, host: '::1' })
  expected.push({
    label: 'tcp6 client',
    protocol: 'tcp',
    local: '::1',
    localPort: c6.localPort!,
    remote: '::1',
    remotePort: port6,
    state: 'ESTABLISHED',
    fd: streamFd(c6)!
  })
  // A Unix listener and a client.
  const path = join(dir, 'table.sock')
  const ux = createServer((s) => sockets.push(s))
  servers.push(ux)
  await listen(ux, { path })
  expected.push({
    label: 'unix listener',
    protocol: 'unix',
    local: path,
    localPort: null,
    remote: null,
    remotePort: null,
    state: 'LISTEN',
    fd: streamFd(ux)!
  })
  const cu = await open({ path })
  expected.push({
    label: 'unix client',
    protocol: 'unix',
    local: '',
    localPort: null,
    remote: null,
    remotePort: null,
    state: 'ESTABLISHED',
    fd: streamFd(cu)!
  })
  // UDP over IPv4 and IPv6, unconnected.
  for (const [type, host] of [
    ['udp4', '127.0.0.1'],
    ['udp6', '::1']
  ] as const) {
    const u = createSocket(type)
    dgrams.push(u)
    await new Promise<void>((r) => u.bind(0, host, () => r()))
    expected.push({
      label: `${type} socket`,
      protocol: 'udp',
      local: host,
      localPort: u.address().port,
      remote: null,
      remotePort: null,
      state: 'UNCONN',
      fd: datagramFd(u)!
    })
  }
  // An active close leaves TIME_WAIT behind, owned by nobody.
  const tw = await open({ port: port4, host: '127.0.0.1' })
  timeWaitPort = tw.localPort!
  await new Promise<void>((r) => {
    tw.once('close', () => r())
    tw.end()
  })
})

afterAll(async () => {
  for (const s of sockets) s.destroy()
  for (const d of dgrams) d.close()
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))
  rmSync(dir, { recursive: true, force: true })
})

const fdOf = (r: SocketRow): number | null =>
  r.owners.find((o) => o.pid === process.pid)?.fd ?? null

function find(rows: readonly SocketRow[], e: Expected): SocketRow | undefined {
  if (e.protocol === 'unix') return rows.find((r) => r.protocol === 'unix' && fdOf(r) === e.fd)
  return rows.find(
    (r) =>
      r.protocol === e.protocol &&
      r.localAddress === e.local &&
      r.localPort === e.localPort &&
      r.remoteAddress === e.remote &&
      r.remotePort === e.remotePort
  )
}

describe.runIf(linux)('every Linux source sees this process’s sockets as they are', () => {
  const sources: Partial<Record<TableSourceId, () => TableSource>> = Object.fromEntries(
    platformSources('linux').sources.map((s) => [s.id, s.make])
  )
  for (const id of ['netlink', 'procfs', 'ss', 'lsof'] as TableSourceId[]) {
    it(`${id}: addresses, state and fd of each of the ${'test'}'s sockets`, async () => {
      const { rows } = await sources[id]!().read()
      for (const e of expected) {
        const row = find(rows, e)
        expect(row, `${id} has no row for the ${e.label}`).toBeDefined()
        expect(row!.state, e.label).toBe(e.state)
        expect(fdOf(row!), `${e.label} fd`).toBe(e.fd)
      }
      if (id !== 'lsof') {
        // lsof lists open files, so a socket no process holds (TIME_WAIT) is not in it.
        const tw = rows.find(
          (r) => r.protocol === 'tcp' && r.localPort === timeWaitPort && r.state === 'TIME_WAIT'
        )
        expect(tw, `${id}: TIME_WAIT after the active close`).toBeDefined()
        expect(tw!.owners).toEqual([])
      }
    })
  }

  it('netlink and procfs give the same rows: addresses, state, inode and owners', async () => {
    const key = (r: SocketRow): string =>
      `${r.protocol} ${r.localAddress}:${r.localPort} ${r.remoteAddress}:${r.remotePort} ${r.state} ${r.inode} ${JSON.stringify(r.owners)}`
    const [a, b] = [await sources.netlink!().read(), await sources.procfs!().read()]
    // Only the sockets this test opened: other tests may open and close theirs meanwhile.
    const mineA = expected.map((e) => key(find(a.rows, e)!)).sort()
    const mineB = expected.map((e) => key(find(b.rows, e)!)).sort()
    expect(mineA).toEqual(mineB)
  })

  it('procfs agrees with `ss -tanpH` on every TCP socket of this process (parsed here, not by our parser)', async () => {
    const out = execFileSync('ss', ['-tanpH'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    const theirs = new Map<string, { state: string; fd: number }>()
    for (const line of out.split('\n')) {
      const m = /^(\S+)\s+\d+\s+\d+\s+(\S+)\s+(\S+)\s+users:\(.*?pid=(\d+),fd=(\d+)\)/.exec(line)
      if (m && Number(m[4]) === process.pid)
        theirs.set(`${m[2]} ${m[3]}`.replace(/[[\]]/g, ''), { state: m[1]!, fd: Number(m[5]) })
    }
    // Only the sockets this test opened: other tests may open and close theirs meanwhile.
    const { rows } = await sources.procfs!().read()
    const mine = expected.filter((e) => e.protocol === 'tcp').map((e) => find(rows, e)!)
    const ssState: Record<string, string> = { ESTAB: 'ESTABLISHED', LISTEN: 'LISTEN' }
    for (const r of mine) {
      const peer =
        r.remoteAddress === null
          ? r.family === 'ipv6'
            ? '::*'
            : '0.0.0.0:*'
          : `${r.remoteAddress}:${r.remotePort}`
      const key = `${r.localAddress}:${r.localPort} ${peer}`.replace('::*', ':::*')
      const t = theirs.get(key)
      expect(t, `ss has ${key}`).toBeDefined()
      expect(r.state).toBe(ssState[t!.state] ?? t!.state)
      expect(fdOf(r)).toBe(t!.fd)
    }
  })

  it('procfs agrees with `lsof -F` on the fd of every inet and unix socket of this process', async () => {
    // lsof gives an inode (i) only for Unix sockets; inet sockets are named by address (n).
    // With -a every selection must hold, so inet and Unix sockets are asked for separately.
    const lsof = (kind: string): string =>
      execFileSync('lsof', ['-nP', '-a', '-p', String(process.pid), kind, '-F', 'ftin'], {
        encoding: 'utf8'
      })
    const out = lsof('-i') + lsof('-U')
    const byInode = new Map<number, number>()
    const byName = new Map<string, number>()
    let fd = -1
    let type = ''
    for (const line of out.split('\n')) {
      const [tag, value] = [line[0], line.slice(1)]
      if (tag === 'f') fd = Number(value)
      else if (tag === 't') type = value
      else if (tag === 'i' && type === 'unix') byInode.set(Number(value), fd)
      else if (tag === 'n' && type !== 'unix') byName.set(value, fd)
    }
    const name = (r: SocketRow): string => {
      const at = (a: string, p: number | null): string =>
        a.includes(':') ? `[${a}]:${p}` : `${a}:${p}`
      return r.remoteAddress === null
        ? at(r.localAddress, r.localPort)
        : `${at(r.localAddress, r.localPort)}->${at(r.remoteAddress, r.remotePort)}`
    }
    const { rows } = await sources.procfs!().read()
    const mine = expected.map((e) => find(rows, e)!)
    for (const r of mine) {
      const theirs = r.protocol === 'unix' ? byInode.get(r.inode!) : byName.get(name(r))
      expect(theirs, `${r.protocol} ${name(r)} (inode ${r.inode})`).toBe(fdOf(r))
    }
  })
})
