// The desktop app's transport without Electron: the core host's side (WirePeer over
// messagePortLink) and the preload's bridge, joined by a real MessageChannel (Node's, which
// has the DOM port's surface). Main's part — handing the two ports over — is Electron-only.
import { EventEmitter } from 'node:events'
import { MessageChannel } from 'node:worker_threads'
import type { MessagePort } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { messagePortLink } from '../../src/main/links/message-port-link'
import type { PortLike } from '../../src/main/links/message-port-link'
import { WirePeer } from '../../src/main/wire-peer'
import { createBridge } from '../../src/preload/bridge'
import type { IpcRendererLike, PagePort } from '../../src/preload/bridge'
import { toApi } from '../../src/renderer/src/api/to-api'
import { CORE_LOST_CHANNEL, CORE_PORT_CHANNEL } from '../../src/shared/ipc-channels'
import { COMMAND_NAMES } from '../../src/shared/contract'
import { PEER_ACK_EVERY_BYTES } from '../../src/shared/wire'
import { waitFor } from '../support/net'

/** Node's port as Electron's MessagePortMain (events carry { data }). */
function asPortMain(port: MessagePort): PortLike {
  return {
    postMessage: (m) => port.postMessage(m),
    on: ((event: 'message' | 'close', listener: (e?: { data: unknown }) => void) =>
      event === 'message'
        ? port.on('message', (data: unknown) => listener({ data }))
        : port.on('close', () => listener())) as PortLike['on'],
    start: () => port.start(),
    close: () => port.close()
  }
}

/** Main's side, reduced to what the preload sees: a port arrives, or the core is lost. */
class FakeMain {
  readonly ipc = new EventEmitter()
  readonly peers: WirePeer[] = []

  link(inspector: Inspector): void {
    const { port1, port2 } = new MessageChannel()
    const host = asPortMain(port1)
    const peer = new WirePeer(inspector, messagePortLink(host), 'page')
    host.on('message', (e) => peer.receive(e.data))
    host.on('close', () => peer.dispose())
    host.start()
    this.peers.push(peer)
    this.ipc.emit(CORE_PORT_CHANNEL, { ports: [port2 as unknown as PagePort] })
  }

  lose(): void {
    this.ipc.emit(CORE_LOST_CHANNEL, {})
  }

  asIpcRenderer(): IpcRendererLike {
    return this.ipc as unknown as IpcRendererLike
  }
}

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn()
})

function inspector(): Inspector {
  const i = new Inspector({ shell: 'test' })
  cleanups.push(() => i.close())
  return i
}

describe('the MessagePort transport (core host ⇄ preload)', () => {
  it('exposes named methods only, runs commands and carries events', async () => {
    const main = new FakeMain()
    const bridge = createBridge(main.asIpcRenderer())
    expect(Object.keys(bridge).sort()).toEqual(
      [...COMMAND_NAMES, 'on', 'linkStatus', 'onLinkStatus', 'coreRestarts', 'onCoreRestart'].sort()
    )
    expect(bridge.linkStatus()).toBe('connecting')
    const core = inspector()
    main.link(core)
    expect(bridge.linkStatus()).toBe('open')
    const api = toApi(bridge)
    expect((await api['app:info']()).shell).toBe('test')
    await expect(
      (api['app:info'] as unknown as (...a: unknown[]) => Promise<unknown>)(1)
    ).rejects.toMatchObject({ code: 'EINVAL' })

    const notices: string[] = []
    const off = api.on('app:notice', (n) => notices.push(n.message))
    await waitFor(() => core.listenerCount('app:notice') === 1)
    core.notify({ level: 'info', code: 'T', message: 'over the port' })
    await waitFor(() => notices.length === 1)
    off()
    await waitFor(() => core.listenerCount('app:notice') === 0)
  })

  it('acknowledges what the page has read, so unread bytes stay under one ack step', async () => {
    const main = new FakeMain()
    const api = toApi(createBridge(main.asIpcRenderer()))
    const core = inspector()
    main.link(core)
    let received = 0
    api.on('app:notice', (n) => (received += n.message.length))
    await waitFor(() => core.listenerCount('app:notice') === 1)
    const message = 'x'.repeat(16 * 1024)
    for (let i = 0; i < 64; i++) core.notify({ level: 'info', code: 'T', message })
    await waitFor(() => received === 64 * message.length, 'every notice')
    expect(received).toBeGreaterThan(3 * PEER_ACK_EVERY_BYTES)
    // Without acks every byte sent would still count as unread.
    await waitFor(() => main.peers[0]!.stats().unreadBytes < PEER_ACK_EVERY_BYTES)
  })

  it('fails calls when the core is lost, says so, and resyncs with a restarted core', async () => {
    const main = new FakeMain()
    const bridge = createBridge(main.asIpcRenderer())
    const api = toApi(bridge)
    const statuses: string[] = []
    bridge.onLinkStatus((s) => statuses.push(s))
    main.link(inspector())
    const first = await api['app:info']()
    await waitFor(() => bridge.coreRestarts() === 0 && statuses.includes('open'))

    main.lose()
    expect(bridge.linkStatus()).toBe('reconnecting')
    await expect(api['app:info']()).rejects.toMatchObject({
      code: 'ECORELOST',
      message: expect.stringContaining('stopped before it answered')
    })

    // The new core (another Inspector) says hello with another id: noticed as a restart.
    main.link(inspector())
    await waitFor(() => bridge.coreRestarts() === 1, 'the restart being noticed')
    expect(bridge.linkStatus()).toBe('open')
    expect((await api['app:info']()).startedAt).toBeGreaterThanOrEqual(first.startedAt)
    expect(statuses).toEqual(['open', 'reconnecting', 'open'])
  })
})
