// "Who holds this port?": for each way a port can be held, the verdict for 127.0.0.1, 0.0.0.0
// and :: must match what actually binding there does — checked by binding, in this test.
import { createServer, connect } from 'node:net'
import type { Server, Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { invoke } from '../../src/main/dispatch'
import { judgeBind } from '../../src/main/actions/bind-verdict'
import { readBindEnv } from '../../src/main/actions/host-facts'
import { Inspector } from '../../src/main/inspector'
import type { PortReport } from '../../src/shared/actions-model'
import { waitFor } from '../support/net'

const ADDRESSES = ['127.0.0.1', '0.0.0.0', '::'] as const
/** Below Linux's ephemeral range, so a server's port is never mistaken for a client's. */
const SERVER_PORTS = { from: 20_000, span: 10_000 } as const

let inspector: Inspector
const closers: (() => void)[] = []

afterEach(async () => {
  for (const c of closers.splice(0)) c()
  await inspector?.close()
})

function start(): void {
  inspector = new Inspector({ shell: 'test' })
}

/** Binds the way Node's listen does; true when it could. */
function canBind(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer()
    s.once('error', () => resolve(false))
    s.listen({ host, port, exclusive: true }, () => s.close(() => resolve(true)))
  })
}

async function serverPort(): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = SERVER_PORTS.from + Math.floor(Math.random() * SERVER_PORTS.span)
    // One at a time: the three would conflict with each other.
    let free = true
    for (const a of ADDRESSES) free &&= await canBind(a, port)
    if (free) return port
  }
  throw new Error('no free port below the ephemeral range')
}

async function listen(
  options: { host: string; port: number; ipv6Only?: boolean },
  onConn?: (s: Socket) => void
): Promise<Server> {
  const server = createServer(onConn)
  await new Promise<void>((r) => server.listen(options, r))
  closers.push(() => server.close())
  return server
}

/** Every verdict agrees with a real bind, with and without the core's own probe. */
async function checkVerdicts(port: number): Promise<PortReport> {
  const report = await invoke(inspector, 'port:who', { port })
  const env = await readBindEnv(false)
  for (const address of ADDRESSES) {
    const verdict = report.verdicts.find((v) => v.address === address)!
    const pure = judgeBind(address, port, report.holders, env, null, Date.now())
    const real = await canBind(address, port)
    const where = address === '::' ? `[::]:${port}` : `${address}:${port}`
    expect(verdict.canBind, `${where}: ${verdict.sentence}`).toBe(real)
    expect(pure.canBind, `pure ${where}: ${pure.sentence}`).toBe(real)
    expect(verdict.sentence).toMatch(
      new RegExp(
        `^You ${real ? 'can' : 'cannot'} bind ${where.replace(/[[\].]/g, '\\$&')} now, because .+\\.$`
      )
    )
  }
  return report
}

const sentence = (r: PortReport, address: string): string =>
  r.verdicts.find((v) => v.address === address)!.sentence

describe('who holds this port, and can I bind it', () => {
  it('a listener on 0.0.0.0 covers every IPv4 address', async () => {
    start()
    const port = await serverPort()
    await listen({ host: '0.0.0.0', port })
    const r = await checkVerdicts(port)
    expect(r.holders).toEqual([
      expect.objectContaining({
        localAddress: '0.0.0.0',
        role: 'listener',
        owners: [expect.objectContaining({ pid: process.pid })]
      })
    ])
    expect(r.holders[0]!.commandLine).toMatch(/node|vitest/)
    expect(sentence(r, '127.0.0.1')).toMatch(
      /listens on 0\.0\.0\.0:\d+, which covers every IPv4 address/
    )
  })

  it('a listener on 127.0.0.1 blocks it and the wildcards', async () => {
    start()
    const port = await serverPort()
    await listen({ host: '127.0.0.1', port })
    const r = await checkVerdicts(port)
    expect(sentence(r, '0.0.0.0')).toMatch(/and 0\.0\.0\.0 would cover that address too/)
    expect(sentence(r, '::')).toMatch(/dual-stack/)
  })

  it('a dual-stack listener on :: takes IPv4 too', async () => {
    start()
    const port = await serverPort()
    await listen({ host: '::', port })
    const r = await checkVerdicts(port)
    expect(r.holders[0]).toMatchObject({ localAddress: '::', v6only: false })
    expect(sentence(r, '127.0.0.1')).toMatch(/dual-stack mode \(v6only off\)/)
  })

  it('a v6only listener on :: leaves IPv4 free', async () => {
    start()
    const port = await serverPort()
    await listen({ host: '::', port, ipv6Only: true })
    const r = await checkVerdicts(port)
    expect(r.holders[0]).toMatchObject({ localAddress: '::', v6only: true })
    expect(sentence(r, '127.0.0.1')).toMatch(/with v6only, which leaves IPv4 free/)
  })

  it('a TIME_WAIT left by a closed server: who left it, when, and that it does not block', async () => {
    start()
    const port = await serverPort()
    let accepted: Socket | null = null
    const server = await listen({ host: '127.0.0.1', port }, (s) => (accepted = s))
    const client = connect(port, '127.0.0.1')
    client.on('end', () => client.end())
    await waitFor(() => accepted !== null, 'accepted')
    // The table must see the socket while it has its owner, to say later who left it.
    const seen = async (): Promise<boolean> => {
      await inspector.internals.table.poll()
      return (await inspector.internals.table.snapshot()).rows.some(
        (row) => row.localPort === port && row.state === 'ESTABLISHED' && row.owners.length > 0
      )
    }
    for (let polls = 0; polls < 20; polls++) if (await seen()) break
    accepted!.end()
    await new Promise((r) => client.on('close', r))
    await new Promise((r) => server.close(r))
    const r = await checkVerdicts(port)
    const tw = r.holders.find((h) => h.role === 'time-wait')!
    expect(tw).toBeDefined()
    expect(tw.leftBy?.[0]).toMatchObject({ pid: process.pid })
    expect(tw.closedAt).toBeLessThanOrEqual(Date.now())
    expect(tw.timeWaitEndsEstimated).toBe(false)
    expect(tw.timeWaitEndsAt).toBeGreaterThan(Date.now())
    expect(sentence(r, '127.0.0.1')).toMatch(
      /TIME_WAIT .*does not block a listener that sets SO_REUSEADDR/
    )
  })

  it('a client’s ephemeral port, open and then in TIME_WAIT, blocks every bind', async () => {
    start()
    const port = await serverPort()
    await listen({ host: '127.0.0.1', port }, (s) => s.on('end', () => s.end()))
    const client = connect(port, '127.0.0.1')
    await new Promise((r) => client.on('connect', r))
    const ephemeral = client.localPort!
    const open = await checkVerdicts(ephemeral)
    expect(open.holders.find((h) => h.remotePort === port)).toMatchObject({ role: 'client' })
    expect(sentence(open, '127.0.0.1')).toMatch(/uses it as its ephemeral port/)
    client.end()
    await new Promise((r) => client.on('close', r))
    const tw = await checkVerdicts(ephemeral)
    // Other programs on this machine may reuse the same port number towards other peers.
    expect(tw.holders.find((h) => h.remotePort === port)).toMatchObject({ state: 'TIME_WAIT' })
    expect(sentence(tw, '127.0.0.1')).toMatch(
      /TIME_WAIT .*a client's socket does not set SO_REUSEADDR/
    )
  })

  it('finds a free port near a held one', async () => {
    start()
    const port = await serverPort()
    await listen({ host: '127.0.0.1', port })
    const free = await invoke(inspector, 'port:free', { near: port })
    expect(free).not.toBeNull()
    expect(Math.abs(free! - port)).toBeLessThanOrEqual(100)
    expect(await canBind('127.0.0.1', free!)).toBe(true)
  })
})
