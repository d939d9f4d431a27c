// The browser-mode bridge: the contract over one WebSocket to `socket-inspector serve`.
// It reconnects by itself and re-subscribes; calls in flight when the link drops fail
// with a clear error instead of hanging.
import { COMMAND_NAMES, EVENT_NAMES, isEventName } from '../../../shared/contract'
import type {
  EventListener,
  EventName,
  Events,
  InspectorBridge,
  Unsubscribe,
  WireResult
} from '../../../shared/contract'
import { EventHub } from '../../../shared/event-hub'
import type { ClientMessage, ServerMessage } from '../../../shared/wire'
import { WS_CLOSE_UNAUTHORIZED, WS_PATH } from '../../../shared/wire'

export type LinkStatus = 'connecting' | 'open' | 'reconnecting' | 'unauthorized'

export interface WsBridge {
  readonly bridge: InspectorBridge
  status(): LinkStatus
  onStatus(fn: (status: LinkStatus) => void): Unsubscribe
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
  let status: LinkStatus = 'connecting'
  let nextId = 1
  let delay = RECONNECT_MIN_MS
  let closed = false
  const pending = new Map<number, (result: WireResult<unknown>) => void>()
  const hub = new EventHub<Events>()
  const statusListeners = new Set<(s: LinkStatus) => void>()

  const setStatus = (next: LinkStatus): void => {
    status = next
    for (const fn of [...statusListeners]) fn(next)
  }
  const post = (message: ClientMessage): boolean => {
    if (ws?.readyState !== WebSocket.OPEN) return false
    ws.send(JSON.stringify(message))
    return true
  }
  // One server subscription per event, however many views listen.
  for (const name of EVENT_NAMES) {
    hub.setActivity(name, {
      start: () => post({ t: 'sub', name }),
      stop: () => post({ t: 'unsub', name })
    })
  }

  function open(): void {
    const socket = new WebSocket(url)
    ws = socket
    socket.onopen = () => {
      delay = RECONNECT_MIN_MS
      for (const name of EVENT_NAMES) if (hub.count(name) > 0) post({ t: 'sub', name })
      setStatus('open')
    }
    socket.onmessage = (msg) => {
      const data = JSON.parse(String(msg.data)) as ServerMessage
      if (data.t === 'result') {
        pending.get(data.id)?.(data.result)
        pending.delete(data.id)
      } else {
        hub.emit(data.name, data.payload as never)
      }
    }
    socket.onclose = (event) => {
      for (const resolve of pending.values()) resolve(DISCONNECTED)
      pending.clear()
      if (closed) return
      if (event.code === WS_CLOSE_UNAUTHORIZED) return setStatus('unauthorized')
      setStatus('reconnecting')
      setTimeout(open, delay)
      delay = Math.min(delay * 2, RECONNECT_MAX_MS)
    }
  }
  open()

  const call = (name: string, args: unknown[]): Promise<WireResult<unknown>> =>
    new Promise((resolve) => {
      const id = nextId++
      pending.set(id, resolve)
      if (!post({ t: 'call', id, name, args })) {
        pending.delete(id)
        resolve(DISCONNECTED)
      }
    })

  function on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe {
    if (!isEventName(event)) throw new TypeError(`unknown event ${String(event)}`)
    return hub.on(event, listener)
  }

  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, (...args: unknown[]) => call(name, args)])
  )
  return {
    bridge: { ...commands, on } as InspectorBridge,
    status: () => status,
    onStatus: (fn) => {
      statusListeners.add(fn)
      return () => statusListeners.delete(fn)
    },
    close: () => {
      closed = true
      ws?.close()
    }
  }
}
