// Binding choices, repeats, exports and a server that fails after it started.
import { afterAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { normalizeSocketPath } from '../../src/main/echo/unix-path'
import { roundTrip, waitFor } from '../support/net'

const inspector = new Inspector({ shell: 'test' })
afterAll(() => inspector.close())

describe('echo servers, more', () => {
  it('on "::" serves IPv4 and IPv6 clients alike (dual-stack)', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', host: '::', port: 0 }])
    expect(server.family).toBe('ipv6')
    const v4 = await roundTrip({ port: server.port!, host: '127.0.0.1' }, Buffer.from('four'))
    const v6 = await roundTrip({ port: server.port!, host: '::1' }, Buffer.from('six'))
    expect(v4.received.toString()).toBe('four')
    expect(v6.received.toString()).toBe('six')
    await inspector.call('echo:stop', [server.id])
  })

  it('sends a payload N times at an interval, and closing cancels what is still to come', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const client = await inspector.call('client:connect', [{ protocol: 'tcp', port: server.port! }])
    const receipt = await inspector.call('client:send', [
      client.id,
      { data: 'tick\\n', encoding: 'text', repeat: 3, intervalMs: 20 }
    ])
    expect(receipt).toEqual({ sessionId: client.id, bytesPerSend: 5, repeat: 3 })
    await waitFor(() => inspector.internals.sessions.get(client.id)!.bytesIn === 15, 'three echoes')
    expect(inspector.internals.sessions.get(client.id)!.chunksOut).toBe(3)

    await inspector.call('client:send', [
      client.id,
      { data: 'x', encoding: 'text', repeat: 1000, intervalMs: 60_000 }
    ])
    await inspector.call('client:close', [client.id])
    await waitFor(() => inspector.internals.sessions.get(client.id)!.closed)
    expect(inspector.internals.sessions.get(client.id)!.bytesOut).toBe(16)
  })

  it('exports a session’s traffic as text and as a hex dump', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    const client = await inspector.call('client:connect', [{ protocol: 'tcp', port: server.port! }])
    await inspector.call('client:send', [client.id, { data: 'Hello, server!', encoding: 'text' }])
    await waitFor(() => inspector.internals.sessions.get(client.id)!.bytesIn === 14)
    const text = await inspector.call('session:export', [client.id, 'text'])
    expect(text).toMatch(
      /^# Session s-\d+ · tcp · client · local 127\.0\.0\.1:\d+ · remote 127\.0\.0\.1:\d+ · in 14 B · out 14 B$/m
    )
    expect(text).toMatch(/ -> out 14 B {2}Hello, server!$/m)
    expect(text).toMatch(/ <- in {2}14 B {2}Hello, server!$/m)
    const hex = await inspector.call('session:export', [client.id, 'hex'])
    expect(hex).toContain(
      '00000000  48 65 6c 6c 6f 2c 20 73  65 72 76 65 72 21        |Hello, server!|'
    )
  })

  it('marks a server whose listening socket dies as failed, without crashing', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0 }])
    // Close the listening handle from under the server, as an OS failure would.
    const fdHolder = inspector.internals.servers as unknown as { servers: Map<string, unknown> }
    expect(fdHolder.servers.has(server.id)).toBe(true)
    const { Server } = await import('node:net')
    const live = (process as unknown as { _getActiveHandles(): unknown[] })
      ._getActiveHandles()
      .find(
        (h): h is InstanceType<typeof Server> =>
          h instanceof Server && (h.address() as { port?: number } | null)?.port === server.port
      )
    expect(live).toBeDefined()
    live!.close()
    await waitFor(
      () => inspector.internals.servers.list().find((l) => l.id === server.id)!.state === 'error'
    )
    const failed = inspector.internals.servers.list().find((l) => l.id === server.id)!
    expect(failed.error).toMatchObject({ code: 'ECLOSED', hint: 'Start the server again.' })
  })
})

describe('socket paths', () => {
  it('become named pipes on Windows', () => {
    expect(normalizeSocketPath('echo', 'win32')).toBe('\\\\.\\pipe\\echo')
    expect(normalizeSocketPath('\\\\.\\pipe\\mine', 'win32')).toBe('\\\\.\\pipe\\mine')
  })

  it('are made absolute elsewhere', () => {
    expect(normalizeSocketPath('rel.sock', 'linux')).toBe(`${process.cwd()}/rel.sock`)
  })
})
