// The face's side of the wire protocol (wire.ts), whatever carries the text: the browser's
// WebSocket, the preload's MessagePort, a test's IPC channel. It numbers calls, matches
// answers, holds one core subscription per event however many listeners there are, and
// fails every call in flight when the link goes, instead of leaving it hanging.
import { COMMAND_NAMES, EVENT_NAMES, isEventName } from './contract'
import type {
  EventListener,
  EventName,
  Events,
  InspectorBridge,
  Unsubscribe,
  WireResult
} from './contract'
import { EventHub } from './event-hub'
import type { ClientMessage, ServerMessage } from './wire'

export interface WireClient {
  readonly bridge: InspectorBridge
  /** One message's text from the core. */
  receive(text: string): void
  /** The link is (again) open: subscribe to what is listened to. */
  opened(): void
  /** The link is gone: every call in flight fails with `lostWith`. */
  lost(): void
}

export interface WireClientOptions {
  /** What a call in flight answers when the link goes. */
  readonly lostWith: WireResult<never>
  /** Acknowledge every this many bytes read (transports that cannot see unread bytes). */
  readonly ackEveryBytes?: number
  /** The core said which one it is (first message on every link). */
  readonly hello?: (core: string) => void
}

/** `send` returns false when the link is not open (the message was not sent). */
export function createWireClient(
  send: (text: string) => boolean,
  options: WireClientOptions
): WireClient {
  let nextId = 1
  let readBytes = 0
  let ackedBytes = 0
  const pending = new Map<number, (result: WireResult<unknown>) => void>()
  const hub = new EventHub<Events>()
  const post = (message: ClientMessage): boolean => send(JSON.stringify(message))

  for (const name of EVENT_NAMES) {
    hub.setActivity(name, {
      start: () => post({ t: 'sub', name }),
      stop: () => post({ t: 'unsub', name })
    })
  }

  const call = (name: string, args: unknown[]): Promise<WireResult<unknown>> =>
    new Promise((resolve) => {
      const id = nextId++
      pending.set(id, resolve)
      if (!post({ t: 'call', id, name, args })) {
        pending.delete(id)
        resolve(options.lostWith)
      }
    })

  function on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe {
    if (!isEventName(event)) throw new TypeError(`unknown event ${String(event)}`)
    if (typeof listener !== 'function') throw new TypeError('listener must be a function')
    return hub.on(event, listener)
  }

  const acknowledge = (size: number): void => {
    if (!options.ackEveryBytes) return
    readBytes += size
    if (readBytes - ackedBytes < options.ackEveryBytes) return
    ackedBytes = readBytes
    post({ t: 'ack', bytes: readBytes })
  }

  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, (...args: unknown[]) => call(name, args)])
  )
  return {
    bridge: { ...commands, on } as InspectorBridge,
    receive: (text) => {
      acknowledge(text.length)
      const data = JSON.parse(text) as ServerMessage
      if (data.t === 'hello') {
        options.hello?.(data.core)
      } else if (data.t === 'result') {
        pending.get(data.id)?.(data.result)
        pending.delete(data.id)
      } else {
        hub.emit(data.name, data.payload as never)
      }
    },
    opened: () => {
      readBytes = 0
      ackedBytes = 0
      for (const name of EVENT_NAMES) if (hub.count(name) > 0) post({ t: 'sub', name })
    },
    lost: () => {
      for (const resolve of pending.values()) resolve(options.lostWith)
      pending.clear()
    }
  }
}
