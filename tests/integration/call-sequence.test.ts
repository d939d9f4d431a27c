// The calls an echo session made, as the core records them for the sequence diagram,
// against the calls really made: listen, accept with the fd the table shows, 14 bytes each
// way, the client's half-close answered by the server's, then close on both sides.
import { afterAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import type { CallLane, CallStep } from '../../src/shared/model'
import { waitFor } from '../support/net'

const inspector = new Inspector({ shell: 'test' })
afterAll(() => inspector.close())

/** The program's calls (the kernel's state reports ride along in the same list). */
const calls = (lane: CallLane): string[] =>
  lane.steps
    .filter((s: CallStep) => s.kind !== 'state')
    .map((s) => (s.bytes === null ? s.kind : `${s.kind} ${s.bytes}`))

describe('the call sequence of a real echo session', () => {
  it('reads like the textbook: socket, bind, listen; connect; accept; write/read 14 B; shutdown; close', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const client = await inspector.call('client:connect', [{ protocol: 'tcp', port: server.port! }])
    await inspector.call('client:send', [client.id, { data: 'Hello, server!', encoding: 'text' }])
    await waitFor(() => inspector.internals.sessions.get(client.id)!.bytesIn === 14)

    // The fd the table shows for the accepted socket is the fd accept() returned.
    const accepted = inspector.internals.sessions.list().find((s) => s.listenerId === server.id)!
    const { rows } = await inspector.call('table:snapshot', [])
    const row = rows.find(
      (r) =>
        r.protocol === 'tcp' && r.localPort === server.port && r.remotePort === client.local.port
    )!
    const tableFd = row.owners.find((o) => o.pid === process.pid)!.fd

    await inspector.call('client:close', [client.id])
    await waitFor(
      () =>
        inspector.internals.sessions.get(client.id)!.closed &&
        inspector.internals.sessions.get(accepted.id)!.closed,
      'both ends closed'
    )

    const seq = await inspector.call('session:calls', [client.id])
    const [mine, peer, listener] = seq.lanes
    expect(seq.lanes).toHaveLength(3)
    expect(calls(mine!)).toEqual([
      'socket',
      'connect',
      'write 14',
      'read 14',
      'shutdown',
      'eof',
      'close'
    ])
    expect(mine!.steps.find((s) => s.kind === 'connect')!.fd).toBe(client.fd)
    expect(peer!.id).toBe(accepted.id)
    expect(calls(peer!)).toEqual(['accept', 'read 14', 'write 14', 'eof', 'shutdown', 'close'])
    expect(peer!.steps[0]!.fd).toBe(tableFd)
    expect(calls(listener!)).toEqual(['socket', 'bind', 'listen'])
    expect(listener!.steps.find((s) => s.kind === 'listen')!.fd).toBe(server.fd)
    // One time axis: the server accepted after it listened, and read after the client wrote.
    const at = (lane: CallLane, kind: string): number => lane.steps.find((s) => s.kind === kind)!.at
    expect(at(peer!, 'accept')).toBeGreaterThanOrEqual(at(listener!, 'listen'))
    expect(at(peer!, 'read')).toBeGreaterThanOrEqual(at(mine!, 'write'))
    expect(at(peer!, 'eof')).toBeGreaterThanOrEqual(at(mine!, 'shutdown'))
  })
})
