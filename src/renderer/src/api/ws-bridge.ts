// The browser-mode bridge: the wire protocol over one WebSocket to `socket-inspector serve`.
// It reconnects by itself and re-subscribes; calls in flight when the link drops fail
// with a clear error instead of hanging. A reconnect that finds a different core (serve was
// restarted) is reported, so the page can say so and resync.
import type { InspectorBridge, Unsubscribe, WireResult } from '../../../shared/contract'
import { createWireClient } from '../../../shared/wire-client'
import { WS_CLOSE_UNAUTHORIZED, WS_PATH } from '../../../shared/wire'
import { LinkSignals } from '../../../shared/link-signals'
import type { LinkStatus } from '../../../shared/link-signals'

export type { LinkStatus } from '../../../shared/link-signals'

export interface WsBridge {
  readonly bridge: InspectorBridge
  status(): LinkStatus
  onStatus(fn: (status: LinkStatus) => void): Unsubscribe
  /** How many times the link came back to a different core than before. */
  coreRestarts(): number
  onCoreRestart(fn: () => void): Unsubscribe
  close(): void
}

const RECONNECT_MIN_MS = 250
const RECONNECT_MAX_MS = 5_000

const DISCONNECTED: WireResult<never> = {
  ok: false,
  error: {
    code: 'EDISCONNECTED',
    message: 'Lost the connection to Socket Inspector before it answered.',
    hint: 'Check that `socket-inspector serve` is still running; the page reconnects by itself.'
  }
}

export function wsUrlFor(location: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const token = new URLSearchParams(location.search).get('token')
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:'
  const query = token ? `?token=${encodeURIComponent(token)}` : ''
  return `${scheme}//${location.host}${WS_PATH}${query}`
}

export function connectWs(url: string): WsBridge {
  let ws: WebSocket | null = null
  let delay = RECONNECT_MIN_MS
  let closed = false
  const signals = new LinkSignals('connecting')
  const client = createWireClient(
    (text) => {
      if (ws?.readyState !== WebSocket.OPEN) return false
      ws.send(text)
      return true
    },
    { lostWith: DISCONNECTED, hello: (core) => signals.identified(core) }
  )

  function open(): void {
    const socket = new WebSocket(url)
    ws = socket
    socket.onopen = () => {
      delay = RECONNECT_MIN_MS
      client.opened()
      signals.setStatus('open')
    }
    socket.onmessage = (msg) => client.receive(String(msg.data))
    socket.onclose = (event) => {
      client.lost()
      if (closed) return
      if (event.code === WS_CLOSE_UNAUTHORIZED) return signals.setStatus('unauthorized')
      signals.setStatus('reconnecting')
      setTimeout(open, delay)
      delay = Math.min(delay * 2, RECONNECT_MAX_MS)
    }
  }
  open()

  return {
    bridge: client.bridge,
    status: () => signals.status(),
    onStatus: (fn) => signals.onStatus(fn),
    coreRestarts: () => signals.coreRestarts(),
    onCoreRestart: (fn) => signals.onCoreRestart(fn),
    close: () => {
      closed = true
      ws?.close()
    }
  }
}
