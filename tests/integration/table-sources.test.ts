// One truth about sources: the sources app:info lists are exactly the sources
// table:configure accepts, each really reads this machine's table, and switching keeps
// each socket's id, first-seen time and history while telling every subscriber to resync.
import { connect, createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { platformSources } from '../../src/main/conntable/platform-sources'
import type { SourceEntry } from '../../src/main/conntable/platform-sources'
import { ConnTable } from '../../src/main/conntable/table'
import { dispatch } from '../../src/main/dispatch'
import { Inspector } from '../../src/main/inspector'
import type { TableDiff, TableRow, TableSourceId } from '../../src/shared/model'

const linux = process.platform === 'linux'
if (!linux) console.log('source switching reads the Linux tables; those tests are skipped here')

const inspector = new Inspector({ shell: 'test' })
// Subscribed, as a tab is: every diff is seen, and a snapshot is the table as last polled
// (unsubscribed, each snapshot would read the OS again; this machine has ~25,000 sockets).
const diffs: TableDiff[] = []
const off = inspector.on('table:diff', (d) => diffs.push(d))
let server: Server
let client: Socket
let port = 0

beforeAll(async () => {
  server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  port = (server.address() as { port: number }).port
  client = connect(port, '127.0.0.1')
  await new Promise<void>((r) => client.once('connect', () => r()))
  await inspector.internals.table.configure({ rateHz: 0.25 })
  // The first poll may have run before the client existed: a poll started now sees it.
  await inspector.internals.table.poll()
})
afterAll(async () => {
  off()
  client.destroy()
  server.close()
  await inspector.close()
})

async function ok<T>(name: string, ...args: unknown[]): Promise<T> {
  const result = await dispatch(inspector, name, args)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value as T
}

const isClient = (r: TableRow): boolean => r.localPort === client.localPort && r.remotePort === port

describe('the source registry', () => {
  for (const platform of ['linux', 'darwin', 'win32', 'freebsd'] as const) {
    it(`${platform}: names each source once, and its default and fallback are among them`, () => {
      const { sources, defaultSource, fallbackSource } = platformSources(platform)
      const ids = sources.map((s) => s.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids).toContain(defaultSource)
      if (fallbackSource) expect(ids).toContain(fallbackSource)
    })
  }
  it('macOS and Linux both have netstat as a real source', () => {
    expect(platformSources('darwin').sources.map((s) => s.id)).toEqual(['lsof', 'netstat'])
    expect(platformSources('linux').sources.map((s) => s.id)).toContain('netstat')
  })
})

describe.runIf(linux)('sources listed = sources that configure', () => {
  it('every source app:info lists as available configures and reads this process’s socket', async () => {
    const info = await ok<{ sources: Array<{ id: TableSourceId; available: boolean }> }>('app:info')
    expect(info.sources.map((s) => s.id)).toEqual(platformSources().sources.map((s) => s.id))
    const available = info.sources.filter((s) => s.available).map((s) => s.id)
    expect(available.length).toBeGreaterThan(0)
    for (const id of available) {
      const status = await ok<{ source: string; health: string }>('table:configure', {
        source: id
      })
      expect(status.source, id).toBe(id)
      expect(status.health, id).not.toBe('failed')
      const snap = await ok<{ source: string; rows: TableRow[] }>('table:snapshot')
      expect(snap.source).toBe(id)
      expect(snap.rows.find(isClient)?.state, `${id} sees the client`).toBe('ESTABLISHED')
    }
  })

  it('switching keeps a socket’s id, first-seen time and history, and jumps seq to make subscribers resync', async () => {
    await ok('table:configure', { source: 'netlink' })
    const before = (await ok<{ rows: TableRow[] }>('table:snapshot')).rows.find(isClient)!
    // netstat has no inodes: the socket is found again by its 5-tuple.
    for (const id of ['netstat', 'ss', 'netlink'] as const) {
      const from = diffs.length
      await ok('table:configure', { source: id })
      const steps = diffs
        .slice(from - 1)
        .map((d, i, all) => (i === 0 ? 0 : d.seq - all[i - 1]!.seq))
      // Polls step by one; the switch steps by two, a gap that makes every subscriber refetch.
      expect(
        steps.filter((s) => s === 2),
        `${id}: one gap`
      ).toHaveLength(1)
      expect(
        steps.slice(1).every((s) => s === 1 || s === 2),
        id
      ).toBe(true)
      const after = (await ok<{ rows: TableRow[] }>('table:snapshot')).rows.find(isClient)!
      expect(after.id, id).toBe(before.id)
      expect(after.firstSeen, id).toBe(before.firstSeen)
      expect(after.history[0], id).toEqual(before.history[0])
      expect(after.closingSince, id).toBeNull()
    }
  })
})

describe('a source that cannot run', () => {
  const rows = (id: TableSourceId): SourceEntry => ({
    id,
    make: () => ({ id, read: async () => ({ rows: [], blind: [] }) }),
    detect: async () => ({ id, available: true, detail: 'here' })
  })
  const failing: SourceEntry = {
    id: 'ss',
    make: () => ({ id: 'ss', read: () => Promise.reject(new Error('ss: permission denied')) }),
    detect: async () => ({ id: 'ss', available: true, detail: 'here' })
  }
  const missing: SourceEntry = {
    id: 'lsof',
    make: () => rows('lsof').make(),
    detect: async () => ({ id: 'lsof', available: false, detail: 'lsof is not installed' })
  }
  const table = new ConnTable({
    sources: [rows('procfs'), failing, missing],
    defaultSource: 'procfs',
    emit: () => undefined
  })

  it('is refused with why, and the table keeps its source', async () => {
    await expect(table.configure({ source: 'lsof' })).rejects.toMatchObject({
      code: 'ENOSOURCE',
      message: 'The lsof source cannot run here: lsof is not installed.'
    })
    await expect(table.configure({ source: 'ss' })).rejects.toMatchObject({
      code: 'ESOURCE',
      message: 'The ss source could not read the table: ss: permission denied',
      hint: 'The table keeps reading from procfs.'
    })
    await expect(table.configure({ source: 'netstat' })).rejects.toMatchObject({
      code: 'ENOSOURCE',
      message: 'This system has no netstat source; it has procfs, ss, lsof.'
    })
    expect(table.status().source).toBe('procfs')
  })
})
