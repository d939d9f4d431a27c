// Controls over live sessions and servers: kick an accepted client (close or reset), stop a
// running repeat, restart and remove a stopped server, dismiss closed sessions, and the
// bound on closed sessions kept, with what it let go of counted and announced.
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { CLOSED_SESSIONS_KEPT, SessionRegistry } from '../../src/main/echo/sessions'
import { TrafficLog } from '../../src/main/echo/traffic-log'
import type { SessionsForgotten } from '../../src/shared/model'
import { waitFor } from '../support/net'

const inspector = new Inspector({ shell: 'test' })
afterAll(() => inspector.close())

function dial(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1' }, () => resolve(s))
    s.once('error', reject)
  })
}

const accepted = (listenerId: string): string[] =>
  inspector.internals.sessions
    .list()
    .filter((s) => s.listenerId === listenerId)
    .map((s) => s.id)

describe('kicking an accepted client', () => {
  it('close: the outside client sees a clean end; reset: it sees ECONNRESET', async () => {
    const server = await inspector.internals.servers.start({ protocol: 'tcp', port: 0 })
    const gentle = await dial(server.port!)
    const ended = new Promise<void>((r) => gentle.once('end', () => r()))
    await waitFor(() => accepted(server.id).length === 1, 'accepted')
    inspector.internals.sessions.end(accepted(server.id)[0]!, 'close')
    await ended
    gentle.end()

    const rough = await dial(server.port!)
    const failed = new Promise<string | undefined>((r) =>
      rough.once('error', (e: NodeJS.ErrnoException) => r(e.code))
    )
    await waitFor(() => accepted(server.id).length === 2, 'second accepted')
    const id = accepted(server.id)[1]!
    inspector.internals.sessions.end(id, 'reset')
    expect(await failed).toBe('ECONNRESET')
    await waitFor(() => inspector.internals.sessions.get(id)!.closed, 'reset session closed')
    expect(inspector.internals.sessions.get(id)!.closeReason).toBe('reset')
    // Ending it again is refused in words.
    expect(() => inspector.internals.sessions.end(id, 'close')).toThrow(/already closed/)
    await inspector.internals.servers.stop(server.id)
  })
})

describe('a running repeat', () => {
  it('shows its progress, refuses a second send while it runs, and stops when asked', async () => {
    const server = await inspector.internals.servers.start({ protocol: 'tcp', port: 0 })
    const client = await inspector.internals.clients.connect({
      protocol: 'tcp',
      port: server.port!
    })
    inspector.internals.clients.send(client.id, {
      data: 'tick',
      encoding: 'text',
      repeat: 1000,
      intervalMs: 20
    })
    const s = inspector.internals.sessions.get(client.id)!
    await waitFor(() => (s.sending?.sent ?? 0) >= 3, 'a few sends')
    expect(s.sending).toMatchObject({ total: 1000, bytesPerSend: 4, state: 'running' })
    expect(() =>
      inspector.internals.clients.send(client.id, { data: 'x', encoding: 'text' })
    ).toThrow(/still sending a repeat/)
    inspector.internals.clients.stopRepeat(client.id)
    expect(s.sending?.state).toBe('stopped')
    const sent = s.sending!.sent
    await waitFor(() => s.bytesIn === sent * 4, 'every sent tick echoed')
    expect(s.sending!.sent).toBe(sent)
    // Now a new send is taken.
    inspector.internals.clients.send(client.id, { data: 'x', encoding: 'text' })
    expect(s.sending).toMatchObject({ sent: 1, total: 1, state: 'done' })
    inspector.internals.clients.close(client.id)
    await inspector.internals.servers.stop(server.id)
  })
})

describe('stopped servers', () => {
  it('restart on the same port under the same id, then remove', async () => {
    const server = await inspector.internals.servers.start({ protocol: 'tcp', port: 0 })
    await inspector.internals.servers.stop(server.id)
    const again = await inspector.internals.servers.restart(server.id)
    expect(again).toMatchObject({ id: server.id, port: server.port, state: 'listening' })
    const s = await dial(server.port!)
    s.destroy()
    await expect(inspector.internals.servers.restart(server.id)).rejects.toThrow(/already running/)
    const removed = await inspector.internals.servers.remove(server.id)
    expect(removed.state).toBe('removed')
    expect(inspector.internals.servers.list().some((l) => l.id === server.id)).toBe(false)
  })
})

describe('closed sessions', () => {
  it('clearing forgets every closed one and keeps the live', async () => {
    const server = await inspector.internals.servers.start({ protocol: 'tcp', port: 0 })
    const live = await dial(server.port!)
    const done = await dial(server.port!)
    done.end()
    await waitFor(
      () =>
        inspector.internals.sessions
          .list()
          .some((s) => s.listenerId === server.id && s.state === 'closed'),
      'one closed'
    )
    const removed = inspector.internals.sessions.forgetClosed(null)
    expect(removed.length).toBeGreaterThan(0)
    expect(
      inspector.internals.sessions.list().every((s) => s.state !== 'closed' && s.state !== 'error')
    ).toBe(true)
    const open = accepted(server.id)
    expect(() => inspector.internals.sessions.forgetClosed(open)).toThrow(/still open/)
    live.destroy()
    await inspector.internals.servers.stop(server.id)
  })

  it(`keeps at most ${CLOSED_SESSIONS_KEPT}, counts the rest and says which went`, () => {
    const told: SessionsForgotten[] = []
    const traffic = new TrafficLog()
    const registry = new SessionRegistry(
      traffic,
      () => undefined,
      undefined,
      (e) => told.push(e)
    )
    const extra = 25
    for (let i = 0; i < CLOSED_SESSIONS_KEPT + extra; i++) {
      const s = registry.open({
        role: 'client',
        protocol: 'tcp',
        family: 'ipv4',
        listenerId: null,
        local: { address: '127.0.0.1', port: 1 },
        remote: { address: '127.0.0.1', port: 2 },
        fd: null,
        state: 'open'
      })
      registry.close(s, 'end')
    }
    expect(registry.list()).toHaveLength(CLOSED_SESSIONS_KEPT)
    expect(registry.forgotten).toBe(extra)
    expect(told.flatMap((e) => e.ids)).toHaveLength(extra)
    expect(told.at(-1)?.forgotten).toBe(extra)
    expect(told[0]?.ids[0]).toBe('s-1')
    registry.dispose()
  })
})
