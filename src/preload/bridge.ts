// Builds window.inspector from an IPC renderer: one named method per command, and on()
// that strips Electron's event object and returns an unsubscribe function.
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import { COMMAND_NAMES, EVENT_NAMES, isEventName } from '../shared/contract'
import type {
  EventListener,
  EventName,
  Events,
  InspectorBridge,
  Unsubscribe
} from '../shared/contract'
import { EventHub } from '../shared/event-hub'
import {
  commandChannel,
  eventChannel,
  SUBSCRIBE_CHANNEL,
  UNSUBSCRIBE_CHANNEL
} from '../shared/ipc-channels'

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener' | 'send'>

export function createBridge(ipc: IpcRendererLike): InspectorBridge {
  const hub = new EventHub<Events>()
  for (const event of EVENT_NAMES) {
    const relay = (_event: IpcRendererEvent, payload: Events[typeof event]): void =>
      hub.emit(event, payload)
    // One IPC subscription per event, however many listeners the page has.
    hub.setActivity(event, {
      start: () => {
        ipc.on(eventChannel(event), relay)
        ipc.send(SUBSCRIBE_CHANNEL, event)
      },
      stop: () => {
        ipc.removeListener(eventChannel(event), relay)
        ipc.send(UNSUBSCRIBE_CHANNEL, event)
      }
    })
  }

  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => [
      name,
      (...args: unknown[]) => ipc.invoke(commandChannel(name), ...args)
    ])
  ) as unknown as Omit<InspectorBridge, 'on'>

  function on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe {
    if (!isEventName(event)) throw new TypeError(`unknown event ${String(event)}`)
    if (typeof listener !== 'function') throw new TypeError('listener must be a function')
    return hub.on(event, listener)
  }

  return Object.freeze({ ...commands, on }) as InspectorBridge
}
