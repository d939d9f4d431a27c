// Builds window.inspector from an IPC renderer: one named method per command, and on()
// that strips Electron's event object and returns an unsubscribe function.
import type { IpcRenderer, IpcRendererEvent } from 'electron'
import { COMMAND_NAMES, isEventName } from '../shared/contract'
import type { EventListener, EventName, InspectorBridge, Unsubscribe } from '../shared/contract'
import {
  commandChannel,
  eventChannel,
  SUBSCRIBE_CHANNEL,
  UNSUBSCRIBE_CHANNEL
} from '../shared/ipc-channels'

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener' | 'send'>

export function createBridge(ipc: IpcRendererLike): InspectorBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const relays = new Map<EventName, (event: IpcRendererEvent, payload: unknown) => void>()

  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => [
      name,
      (...args: unknown[]) => ipc.invoke(commandChannel(name), ...args)
    ])
  ) as unknown as Omit<InspectorBridge, 'on'>

  function on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe {
    if (!isEventName(event)) throw new TypeError(`unknown event ${String(event)}`)
    if (typeof listener !== 'function') throw new TypeError('listener must be a function')
    let set = listeners.get(event)
    if (!set) {
      set = new Set()
      listeners.set(event, set)
    }
    const entry = (payload: unknown): void => listener(payload as never)
    set.add(entry)
    if (set.size === 1) {
      // One IPC listener per event, however many subscribers the page has.
      const relay = (_event: IpcRendererEvent, payload: unknown): void => {
        for (const fn of [...(listeners.get(event) ?? [])]) fn(payload)
      }
      relays.set(event, relay)
      ipc.on(eventChannel(event), relay)
      ipc.send(SUBSCRIBE_CHANNEL, event)
    }
    let live = true
    return () => {
      if (!live) return
      live = false
      set.delete(entry)
      if (set.size === 0) {
        const relay = relays.get(event)
        if (relay) ipc.removeListener(eventChannel(event), relay)
        relays.delete(event)
        ipc.send(UNSUBSCRIBE_CHANNEL, event)
      }
    }
  }

  return Object.freeze({ ...commands, on }) as InspectorBridge
}
