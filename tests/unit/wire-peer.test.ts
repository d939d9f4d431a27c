// The generic binding's rules that a real transport cannot be made to break on demand: a
// write that fails (ENOBUFS) or throws is logged and closes that client, never silently.
// The link here records what the binding does; the core behind it is the real one.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { WirePeer } from '../../src/main/wire-peer'
import type { PeerLink } from '../../src/main/wire-peer'
import { WS_CLOSE_BAD_MESSAGE, WS_CLOSE_WRITE_FAILED } from '../../src/shared/wire'
import { waitFor } from '../support/net'

interface RecordingLink extends PeerLink {
  readonly written: string[]
  readonly closed: Array<{ code: number; reason: string }>
}

function link(write: PeerLink['write'] | null = null): RecordingLink {
  const written: string[] = []
  const closed: Array<{ code: number; reason: string }> = []
  return {
    written,
    closed,
    write:
      write ??
      ((text, done) => {
        written.push(text)
        done()
      }),
    unreadBytes: () => 0,
    close: (code, reason) => closed.push({ code, reason })
  }
}

const inspectors: Inspector[] = []
afterEach(async () => {
  for (const i of inspectors.splice(0)) await i.close()
  vi.restoreAllMocks()
})

function core(): Inspector {
  const i = new Inspector({ shell: 'test' })
  inspectors.push(i)
  return i
}

function enobufs(): NodeJS.ErrnoException {
  return Object.assign(new Error('write ENOBUFS'), { code: 'ENOBUFS' })
}

describe('WirePeer', () => {
  it('greets with the core’s id, the same for one core and another for the next', () => {
    const a = core()
    const first = link()
    const second = link()
    const third = link()
    new WirePeer(a, first, 'a')
    new WirePeer(a, second, 'b')
    new WirePeer(core(), third, 'c')
    const hello = (l: RecordingLink): unknown => JSON.parse(l.written[0]!)
    expect(hello(first)).toMatchObject({ t: 'hello' })
    expect(hello(first)).toEqual(hello(second))
    expect(hello(third)).not.toEqual(hello(first))
  })

  it('logs a write that fails asynchronously (ENOBUFS) and closes that client', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    let calls = 0
    const failing = link((_text, done) => {
      // The greeting goes out; the answer to the call fails in the kernel.
      if (calls++ === 0) done()
      else setImmediate(() => done(enobufs()))
    })
    const peer = new WirePeer(core(), failing, 'client 7')
    peer.receive(JSON.stringify({ t: 'call', id: 1, name: 'echo:list', args: [] }))
    await waitFor(() => failing.closed.length === 1, 'the client being closed')
    expect(failing.closed[0]).toEqual({
      code: WS_CLOSE_WRITE_FAILED,
      reason: 'write failed: ENOBUFS'
    })
    expect(peer.stats().closedFor).toBe('write failed: ENOBUFS')
    expect(warn).toHaveBeenCalledWith('client 7: a write failed (ENOBUFS); closing that client')
  })

  it('logs a write that throws and closes that client', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const throwing = link(() => {
      throw enobufs()
    })
    const peer = new WirePeer(core(), throwing, 'client 8')
    expect(throwing.closed).toEqual([
      { code: WS_CLOSE_WRITE_FAILED, reason: 'write failed: ENOBUFS' }
    ])
    expect(peer.stats().closedFor).toBe('write failed: ENOBUFS')
    expect(warn).toHaveBeenCalledOnce()
  })

  it('closes a client that sends something that is not a message, or an unknown event', () => {
    for (const text of ['{', '{"t":"call","id":-1}', 42, '{"t":"sub","name":"no:such"}']) {
      const l = link()
      new WirePeer(core(), l, 'x').receive(text)
      expect(
        l.closed.map((c) => c.code),
        String(text)
      ).toEqual([WS_CLOSE_BAD_MESSAGE])
    }
  })
})
