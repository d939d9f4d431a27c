// Names against the real table: a poll goes on while a reverse lookup hangs, and the two
// ends of each Unix connection are joined, each with its own process.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ReverseDns } from '../../src/main/names/reverse-dns'
import { platformSources } from '../../src/main/conntable/platform-sources'
import { ConnTable } from '../../src/main/conntable/table'
import type { TableSourceId } from '../../src/shared/model'
import { unixPairs } from '../../src/shared/unix-pairs'

const linux = process.platform === 'linux'
if (!linux) console.log('live table tests read netlink and ss: Linux only; skipped here')

const table = (source: TableSourceId): ConnTable =>
  new ConnTable({ ...platformSources(), defaultSource: source, emit: () => undefined })

describe.runIf(linux)('reverse lookups never hold up a poll', () => {
  it('polls to the end while a lookup hangs (a resolver stub that never answers)', async () => {
    let asked = 0
    const dns = new ReverseDns(() => {
      asked++
      return new Promise<string>(() => undefined) // hangs for good
    })
    dns.setEnabled(true)
    const t = table('netlink')
    const first = await t.poll()
    expect(dns.names(['127.0.0.1'])['127.0.0.1']).toBeNull()
    expect(asked).toBe(1)
    // The lookup is still running, and the next polls finish all the same.
    const second = await t.poll()
    const third = await t.poll()
    expect(dns.status().inFlight).toBe(1)
    expect([second.seq, third.seq]).toEqual([first.seq + 1, first.seq + 2])
    // Asking again while it hangs answers at once, and starts no second lookup.
    expect(dns.names(['127.0.0.1'])['127.0.0.1']).toBeNull()
    expect(asked).toBe(1)
  })
})

describe.runIf(linux)('Unix socket pairs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'si-pairs-'))
  const path = join(dir, 'server.sock')
  let server: ChildProcess
  const clients: Socket[] = []

  afterAll(async () => {
    for (const c of clients) c.destroy()
    if (server) {
      server.stdin!.end()
      await new Promise((r) => server.once('exit', r))
    }
    rmSync(dir, { recursive: true, force: true })
  })

  it('joins a server with three clients into three pairs, each end with its process', async () => {
    server = spawn(process.execPath, [join(__dirname, '../support/unix-server.mjs'), path], {
      stdio: ['pipe', 'pipe', 'inherit']
    })
    await new Promise<void>((r) => server.stdout!.once('data', () => r()))
    for (let i = 0; i < 3; i++) {
      const c = connect({ path })
      clients.push(c)
      await new Promise((r) => c.once('connect', r))
    }
    for (const source of ['netlink', 'ss'] as const) {
      const rows = (await table(source).snapshot()).rows
      const pairs = unixPairs(rows).filter((p) => p.server.localAddress === path)
      expect(pairs, source).toHaveLength(3)
      for (const p of pairs) {
        expect(
          p.server.owners.map((o) => o.pid),
          source
        ).toEqual([server.pid])
        expect(
          p.client.owners.map((o) => o.pid),
          source
        ).toEqual([process.pid])
        expect(p.client.peerInode, source).toBe(p.server.inode)
        expect(p.server.peerInode, source).toBe(p.client.inode)
      }
      expect(new Set(pairs.map((p) => p.client.inode)).size, source).toBe(3)
    }
  })
})
