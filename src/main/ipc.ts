// Binds the contract to Electron IPC: one loop registers every command, one sink forwards
// every event. Only types come from electron here, so the binding runs under plain Node in
// tests with an in-memory IPC pair; index.ts passes the real ipcMain.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron'
import { COMMAND_NAMES } from '../shared/contract'
import type { WireResult } from '../shared/contract'
import {
  commandChannel,
  eventChannel,
  SUBSCRIBE_CHANNEL,
  UNSUBSCRIBE_CHANNEL
} from '../shared/ipc-channels'
import { dispatch, Subscriptions } from './dispatch'
import type { Inspector } from './inspector'

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>
type SenderEvent = Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>

/** Decides whether a message comes from our own renderer (not a stray frame or page). */
export type SenderCheck = (frameUrl: string | undefined, sender: WebContents) => boolean

const UNTRUSTED: WireResult<never> = {
  ok: false,
  error: { code: 'EPERM', message: 'This page is not allowed to talk to Socket Inspector.' }
}

export function bindIpc(
  ipcMain: IpcMainLike,
  inspector: Inspector,
  isTrusted: SenderCheck
): () => void {
  const trusted = (event: SenderEvent): boolean => isTrusted(frameUrl(event), event.sender)
  const perSender = new Map<number, Subscriptions>()

  for (const name of COMMAND_NAMES) {
    ipcMain.handle(commandChannel(name), (event, ...args: unknown[]) =>
      trusted(event) ? dispatch(inspector, name, args) : UNTRUSTED
    )
  }

  const subscriptionsOf = (sender: WebContents): Subscriptions => {
    let subs = perSender.get(sender.id)
    if (!subs) {
      subs = new Subscriptions(inspector, (event, payload) => {
        // A window can die between an event's birth and its delivery.
        if (!sender.isDestroyed()) sender.send(eventChannel(event), payload)
      })
      perSender.set(sender.id, subs)
      sender.once('destroyed', () => {
        perSender.get(sender.id)?.close()
        perSender.delete(sender.id)
      })
    }
    return subs
  }

  const onSubscribe = (event: IpcMainEvent, name: unknown): void => {
    if (!trusted(event)) return
    try {
      subscriptionsOf(event.sender).subscribe(name)
    } catch (err) {
      console.warn('ignored subscription:', err instanceof Error ? err.message : err)
    }
  }
  const onUnsubscribe = (event: IpcMainEvent, name: unknown): void => {
    if (!trusted(event)) return
    try {
      perSender.get(event.sender.id)?.unsubscribe(name)
    } catch (err) {
      console.warn('ignored unsubscription:', err instanceof Error ? err.message : err)
    }
  }
  ipcMain.on(SUBSCRIBE_CHANNEL, onSubscribe)
  ipcMain.on(UNSUBSCRIBE_CHANNEL, onUnsubscribe)

  return () => {
    for (const name of COMMAND_NAMES) ipcMain.removeHandler(commandChannel(name))
    ipcMain.removeListener(SUBSCRIBE_CHANNEL, onSubscribe)
    ipcMain.removeListener(UNSUBSCRIBE_CHANNEL, onUnsubscribe)
    for (const subs of perSender.values()) subs.close()
    perSender.clear()
  }
}

function frameUrl(event: SenderEvent): string | undefined {
  try {
    return event.senderFrame?.url
  } catch {
    // senderFrame throws once its frame has navigated away or been destroyed.
    return undefined
  }
}
