// An in-memory stand-in for Electron's ipcMain/ipcRenderer pair, because the Electron binary
// cannot run on these machines. It keeps the parts the bindings rely on: handlers by channel,
// a sender with an id that can be destroyed, a sender frame URL, and structured cloning.
import { EventEmitter } from 'node:events'
import type { IpcMainLike } from '../../src/main/ipc'
import type { IpcRendererLike } from '../../src/preload/bridge'

type Handler = (event: unknown, ...args: unknown[]) => unknown

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, Handler>()

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`)
    this.handlers.set(channel, handler)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  asIpcMain(): IpcMainLike {
    return this as unknown as IpcMainLike
  }
}

let nextContentsId = 1

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++
  readonly sent: Array<{ channel: string; payload: unknown }> = []
  private destroyed = false
  renderer: FakeIpcRenderer | null = null

  isDestroyed(): boolean {
    return this.destroyed
  }

  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.sent.push({ channel, payload })
    this.renderer?.deliver(channel, structuredClone(payload))
  }

  destroy(): void {
    this.destroyed = true
    this.emit('destroyed')
  }
}

export class FakeIpcRenderer extends EventEmitter {
  constructor(
    private readonly main: FakeIpcMain,
    readonly contents: FakeWebContents,
    private readonly frameUrl: string
  ) {
    super()
    contents.renderer = this
  }

  private event(): unknown {
    return { sender: this.contents, senderFrame: { url: this.frameUrl } }
  }

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.main.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    return structuredClone(await handler(this.event(), ...structuredClone(args)))
  }

  send(channel: string, ...args: unknown[]): void {
    this.main.emit(channel, this.event(), ...structuredClone(args))
  }

  deliver(channel: string, payload: unknown): void {
    this.emit(channel, { sender: 'main' }, payload)
  }

  asIpcRenderer(): IpcRendererLike {
    return this as unknown as IpcRendererLike
  }
}
