// Builds window.inspector in the preload: the wire protocol over the MessagePort that main
// hands over for our own page, straight to the core host (main is not on the data path).
// It exposes named methods only: one per command, on() returning an unsubscribe function,
// and the link's signals (up / down / core restarted). Never a port or ipcRenderer.
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import type { Unsubscribe, WireResult } from '../shared/contract'
import { CORE_LOST_CHANNEL, CORE_PORT_CHANNEL } from '../shared/ipc-channels'
import { LinkSignals } from '../shared/link-signals'
import type { LinkStatus } from '../shared/link-signals'
import { createWireClient } from '../shared/wire-client'
import { PEER_ACK_EVERY_BYTES } from '../shared/wire'
import type { DesktopBridge } from './window-api'

export type IpcRendererLike = Pick<IpcRenderer, 'on'>

/** The DOM MessagePort, as far as the bridge uses it (Node's has the same surface, for tests). */
export interface PagePort {
  onmessage: ((event: { readonly data: unknown }) => void) | null
  postMessage(message: unknown): void
  close(): void
}

const CORE_GONE: WireResult<never> = {
  ok: false,
  error: {
    code: 'ECORELOST',
    message: 'The Socket Inspector core stopped before it answered.',
    hint: 'It restarts by itself; try again in a moment.'
  }
}

export function createBridge(ipc: IpcRendererLike): DesktopBridge {
  let port: PagePort | null = null
  const signals = new LinkSignals('connecting')
  const client = createWireClient(
    (text) => {
      if (!port) return false
      port.postMessage(text)
      return true
    },
    {
      lostWith: CORE_GONE,
      ackEveryBytes: PEER_ACK_EVERY_BYTES,
      hello: (core) => signals.identified(core)
    }
  )

  const drop = (): void => {
    port?.close()
    port = null
    client.lost()
  }

  ipc.on(CORE_PORT_CHANNEL, (event: Pick<IpcRendererEvent, 'ports'>) => {
    const next = event.ports[0] as PagePort | undefined
    if (!next) return
    drop()
    port = next
    next.onmessage = (e) => {
      if (typeof e.data === 'string') client.receive(e.data)
    }
    client.opened()
    signals.setStatus('open')
  })
  ipc.on(CORE_LOST_CHANNEL, () => {
    drop()
    signals.setStatus('reconnecting')
  })

  return Object.freeze({
    ...client.bridge,
    linkStatus: (): LinkStatus => signals.status(),
    onLinkStatus: (fn: (status: LinkStatus) => void): Unsubscribe => {
      if (typeof fn !== 'function') throw new TypeError('listener must be a function')
      return signals.onStatus((s) => fn(s))
    },
    coreRestarts: (): number => signals.coreRestarts(),
    onCoreRestart: (fn: () => void): Unsubscribe => {
      if (typeof fn !== 'function') throw new TypeError('listener must be a function')
      return signals.onCoreRestart(() => fn())
    }
  })
}
