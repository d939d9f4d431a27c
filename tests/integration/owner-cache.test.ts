// The owner cache against a real process that reuses an fd number: it closes its listening
// socket and listens again, and the kernel hands the new socket the same fd. The cache
// still has that fd linked to the old socket, so only a scan that reads such links again
// can place the new one — including when it first shows on the cache's periodic refresh
// poll (the case that once left a listener without its process for good).
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { OwnerCache, REFRESH_POLLS } from '../../src/main/conntable/owner-cache'
import { stopProcess, waitFor } from '../support/net'

const CHILD = `
const net = require('node:net')
let server
const listen = () => {
  server = net.createServer()
  server.listen(0, '127.0.0.1', () => console.log(server.address().port))
}
listen()
require('node:readline')
  .createInterface({ input: process.stdin })
  .on('line', () => server.close(() => listen()))
`

let child: ChildProcess | null = null
afterEach(async () => {
  if (child) await stopProcess(child)
  child = null
})

/** The inode of the TCP socket listening on this port (the kernel's /proc/net/tcp). */
function listenerInode(port: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, '0')
  const line = readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .find((l) => l.trim().split(/\s+/)[1]?.endsWith(`:${hex}`) && l.trim().split(/\s+/)[3] === '0A')
  if (!line) throw new Error(`no listener on port ${port} in /proc/net/tcp`)
  return Number(line.trim().split(/\s+/)[9])
}

/** The fd of `pid` that holds this socket inode. */
function fdOf(pid: number, inode: number): number {
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) return Number(fd)
    } catch {
      // closed while listed
    }
  }
  throw new Error(`pid ${pid} holds no fd for socket ${inode}`)
}

describe('the owner cache', () => {
  it('places a socket that reuses a cached fd number, even when it first shows on a refresh poll', async () => {
    const proc = spawn(process.execPath, ['-e', CHILD], { stdio: ['pipe', 'pipe', 'inherit'] })
    child = proc
    const ports: number[] = []
    proc.stdout!.on('data', (c: Buffer) =>
      ports.push(...c.toString().trim().split('\n').map(Number))
    )
    const nextPort = async (n: number): Promise<number> => {
      await waitFor(() => ports.length >= n, `the child listening (${n})`)
      return ports[n - 1]!
    }
    const pid = proc.pid!
    const first = listenerInode(await nextPort(1))
    const fd = fdOf(pid, first)

    const cache = new OwnerCache()
    let polls = 0
    const ownersOf = async (
      inode: number
    ): Promise<readonly { pid: number; fd: number | null }[]> => {
      polls++
      return (await cache.lookup([inode])).owners.get(inode) ?? []
    }
    expect(await ownersOf(first)).toContainEqual(expect.objectContaining({ pid, fd }))
    // Bring the cache to the poll before its refresh.
    while ((polls + 1) % REFRESH_POLLS !== 0) await ownersOf(first)

    proc.stdin!.write('again\n')
    const second = listenerInode(await nextPort(2))
    expect(second).not.toBe(first)
    // The precondition of this case: the kernel gave the new socket the same fd.
    expect(fdOf(pid, second)).toBe(fd)
    let owners = await ownersOf(second) // the refresh poll
    for (let i = 0; i < 3 && !owners.some((o) => o.pid === pid); i++)
      owners = await ownersOf(second)
    expect(owners).toContainEqual(expect.objectContaining({ pid, fd }))
  })
})
