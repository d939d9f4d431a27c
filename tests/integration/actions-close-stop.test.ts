// Closing another process's connection (SOCK_DESTROY) and stopping a process, on real
// sockets and real child processes this test starts; loopback only.
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { connect, createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { resolve } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { STOP_WAIT_MS } from '../../src/shared/actions-model'
import { invoke } from '../../src/main/dispatch'
import { Inspector } from '../../src/main/inspector'
import { InspectorFailure } from '../../src/shared/errors'
import { waitFor } from '../support/net'

const root = resolve(__dirname, '../..')
const isLinuxRoot = process.platform === 'linux' && process.getuid?.() === 0
/**
 * The tests that drop to `nobody` need that user to run this node and read this checkout;
 * a node or a clone under root's home is closed to it.
 */
const nobodyCanRun =
  isLinuxRoot &&
  spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(root)})`], {
    uid: 65534,
    gid: 65534,
    timeout: 30_000
  }).status === 0
if (isLinuxRoot && !nobodyCanRun)
  console.log(
    `skipped: the user nobody cannot run ${process.execPath} or read ${root}, so the tests that drop privileges cannot run here`
  )
/** A child that connects to PORT, prints its local port, and reports how the socket ended. */
const CLIENT_JS = `
const s = require('net').connect(+process.argv[1], '127.0.0.1', () => console.log('port ' + s.localPort))
s.on('error', (e) => console.log('error ' + e.code))
s.on('close', () => process.exit(0))
setTimeout(() => process.exit(2), 60000).unref()
`
const LISTEN_JS = `
const s = require('net').createServer().listen(0, '127.0.0.1', () => console.log('port ' + s.address().port))
`

function lines(child: ChildProcess): string[] {
  const out: string[] = []
  let buf = ''
  child.stdout!.on('data', (c: Buffer) => {
    buf += c.toString()
    const parts = buf.split('\n')
    buf = parts.pop()!
    out.push(...parts)
  })
  return out
}

let inspector: Inspector
const children: ChildProcess[] = []
const servers: Server[] = []

function start(): void {
  inspector = new Inspector({ shell: 'test' })
}

afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL')
  for (const s of servers.splice(0)) s.close()
  await inspector?.close()
})

async function heldConnection(): Promise<{
  port: number
  clientPort: number
  child: ChildProcess
  out: string[]
  accepted: Promise<Socket>
}> {
  let accept!: (s: Socket) => void
  const accepted = new Promise<Socket>((r) => (accept = r))
  const server = createServer(accept)
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  const child = spawn(process.execPath, ['-e', CLIENT_JS, String(port)])
  children.push(child)
  const out = lines(child)
  await waitFor(() => out.some((l) => l.startsWith('port ')), 'the child connected')
  const clientPort = Number(out.find((l) => l.startsWith('port '))!.slice(5))
  return { port, clientPort, child, out, accepted }
}

describe('close another process’s TCP connection', () => {
  beforeAll(() => {
    if (!isLinuxRoot) console.log('skipped: SOCK_DESTROY needs Linux and root (CAP_NET_ADMIN)')
  })

  it.runIf(isLinuxRoot)('ends it: the peer sees the abort and the row goes', async () => {
    start()
    const { port, clientPort, child, out, accepted } = await heldConnection()
    const peer = await accepted
    // Reading is what surfaces a reset.
    peer.resume()
    const peerError = new Promise<string>((r) =>
      peer.on('error', (e: NodeJS.ErrnoException) => r(e.code ?? ''))
    )
    const isRow = (r: {
      localPort: number | null
      remotePort: number | null
      closingSince: number | null
    }): boolean => r.localPort === clientPort && r.remotePort === port && r.closingSince === null
    expect((await inspector.internals.table.snapshot()).rows.some(isRow)).toBe(true)

    const result = await invoke(inspector, 'socket:close', {
      protocol: 'tcp',
      local: { address: '127.0.0.1', port: clientPort },
      remote: { address: '127.0.0.1', port }
    })
    expect(result.how).toBe('sock-destroy')
    expect(await peerError).toBe('ECONNRESET')
    await waitFor(() => out.includes('error ECONNABORTED'), 'the child saw its socket aborted')
    await waitFor(() => child.exitCode !== null, 'the child ended with its socket')
    await inspector.internals.table.poll()
    expect((await inspector.internals.table.snapshot()).rows.some(isRow)).toBe(false)
  })

  it.runIf(nobodyCanRun)('without CAP_NET_ADMIN (a child running as nobody) says why', async () => {
    start()
    const { port, clientPort, out } = await heldConnection()
    const req = {
      protocol: 'tcp',
      local: { address: '127.0.0.1', port: clientPort },
      remote: { address: '127.0.0.1', port }
    }
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'tests/support/actions-child.ts', 'close', JSON.stringify(req)],
      {
        cwd: root,
        uid: 65534,
        gid: 65534,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, HOME: '/tmp' }
      }
    )
    const answer = JSON.parse(r.stdout) as {
      ok: boolean
      error: { code: string; message: string; hint: string }
    }
    expect(answer.ok).toBe(false)
    expect(answer.error.code).toBe('EPERM')
    expect(answer.error.message).toMatch(/needs CAP_NET_ADMIN/)
    expect(answer.error.hint).toMatch(/root/)
    // And the connection lives on.
    expect(out.some((l) => l.startsWith('error'))).toBe(false)
  })

  it('refuses what cannot be closed from outside, saying why', async () => {
    start()
    const udp = invoke(inspector, 'socket:close', {
      protocol: 'udp',
      local: { address: '127.0.0.1', port: 5353 },
      remote: { address: '127.0.0.1', port: 5354 }
    })
    await expect(udp).rejects.toMatchObject({
      code: 'ENOTTCP',
      message: expect.stringMatching(/Only TCP/)
    })
    const listener = invoke(inspector, 'socket:close', {
      protocol: 'tcp',
      local: { address: '127.0.0.1', port: 5353 },
      remote: { address: '*', port: null }
    })
    await expect(listener).rejects.toMatchObject({ code: 'ENOTCONN' })
    if (isLinuxRoot) {
      const gone = invoke(inspector, 'socket:close', {
        protocol: 'tcp',
        local: { address: '127.0.0.1', port: 1 },
        remote: { address: '127.0.0.1', port: 2 }
      })
      await expect(gone).rejects.toMatchObject({
        code: 'ENOENT',
        message: expect.stringMatching(/no TCP connection/)
      })
    }
  })
})

describe('close the app’s own connections', () => {
  it('kicks an accepted session by reset, and closes an app client gracefully', async () => {
    start()
    const server = await invoke(inspector, 'echo:start', { protocol: 'tcp', port: 0 })
    const peer = connect(server.port!, '127.0.0.1')
    const peerError = new Promise<string>((r) =>
      peer.on('error', (e: NodeJS.ErrnoException) => r(e.code ?? ''))
    )
    await new Promise((r) => peer.once('connect', r))
    const local = { address: '127.0.0.1', port: server.port! }
    const remote = { address: '127.0.0.1', port: peer.localPort! }
    const kicked = await invoke(inspector, 'socket:close', {
      protocol: 'tcp',
      local,
      remote,
      mode: 'reset'
    })
    expect(kicked).toMatchObject({ how: 'app-reset', sessionId: expect.any(String) })
    expect(await peerError).toBe('ECONNRESET')

    // The app's own client, closed gracefully: the server side sees its FIN.
    let ended!: () => void
    const sawEnd = new Promise<void>((r) => (ended = r))
    const plain = createServer((s) => s.on('end', () => (ended(), s.end())))
    servers.push(plain)
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r))
    const plainPort = (plain.address() as { port: number }).port
    const client = await invoke(inspector, 'client:connect', { protocol: 'tcp', port: plainPort })
    const closed = await invoke(inspector, 'socket:close', {
      protocol: 'tcp',
      local: client.local,
      remote: client.remote
    })
    expect(closed).toMatchObject({ how: 'app-graceful', sessionId: client.id })
    await sawEnd
  })
})

describe('stop the owning process', () => {
  it('stops a child that listens, and its rows vanish', async () => {
    start()
    const child = spawn(process.execPath, ['-e', LISTEN_JS])
    children.push(child)
    const out = lines(child)
    await waitFor(() => out.some((l) => l.startsWith('port ')), 'the child listens')
    const port = Number(out[0]!.slice(5))
    const holds = async (): Promise<boolean> =>
      (await inspector.internals.table.poll(),
      await inspector.internals.table.snapshot()).rows.some(
        (r) =>
          r.localPort === port &&
          r.state === 'LISTEN' &&
          r.closingSince === null &&
          r.owners.some((o) => o.pid === child.pid)
      )
    expect(await holds()).toBe(true)
    // The stop answers as soon as the child exits; the longest wait only matters on a loaded machine.
    const result = await invoke(inspector, 'process:stop', {
      pid: child.pid!,
      waitMs: STOP_WAIT_MS.max
    })
    expect(result).toMatchObject({
      pid: child.pid,
      signal: 'SIGTERM',
      outcome: 'exited',
      process: 'node'
    })
    expect(result.message).toMatch(/exited after SIGTERM/)
    expect(await holds()).toBe(false)
  })

  it('refuses to signal this app itself and pid 1', async () => {
    start()
    await expect(invoke(inspector, 'process:stop', { pid: process.pid })).rejects.toMatchObject({
      code: 'EREFUSED',
      message: expect.stringMatching(/Socket Inspector itself/)
    })
    await expect(invoke(inspector, 'process:stop', { pid: 1 })).rejects.toMatchObject({
      code: 'EREFUSED',
      message: expect.stringMatching(/init process/)
    })
  })

  it.runIf(nobodyCanRun)(
    'asks twice before another user’s process, and a user may not stop root’s',
    async () => {
      start()
      const child = spawn(process.execPath, ['-e', LISTEN_JS], { uid: 65534, gid: 65534 })
      children.push(child)
      const out = lines(child)
      await waitFor(() => out.some((l) => l.startsWith('port ')), 'the child listens')
      await expect(invoke(inspector, 'process:stop', { pid: child.pid! })).rejects.toMatchObject({
        code: 'EOTHERUSER',
        message: expect.stringMatching(/belongs to nobody/)
      })
      // A process running as nobody may not signal root's processes: the child script says so.
      const mine = spawn(process.execPath, ['-e', LISTEN_JS])
      children.push(mine)
      await waitFor(() => lines(mine) !== null, 'started')
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'tests/support/actions-child.ts',
          'stop',
          JSON.stringify({ pid: mine.pid, otherUser: true })
        ],
        {
          cwd: root,
          uid: 65534,
          gid: 65534,
          encoding: 'utf8',
          timeout: 30_000,
          env: { ...process.env, HOME: '/tmp' }
        }
      )
      expect(JSON.parse(r.stdout)).toMatchObject({
        ok: false,
        error: { code: 'EPERM', message: expect.stringMatching(/Not allowed to stop/) }
      })
      const result = await invoke(inspector, 'process:stop', {
        pid: child.pid!,
        otherUser: true,
        waitMs: STOP_WAIT_MS.max
      })
      expect(result.outcome).toBe('exited')
    }
  )

  it('says there is no such process', async () => {
    start()
    const done = spawnSync(process.execPath, ['-e', '0'])
    await expect(invoke(inspector, 'process:stop', { pid: done.pid })).rejects.toBeInstanceOf(
      InspectorFailure
    )
  })
})
