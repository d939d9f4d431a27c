// The app's own echo servers and sessions in the renderer: loaded once, then kept current
// by listener:update and session:update, applied at most once per animation frame.
import type { InspectorApi, Unsubscribe } from '../../../shared/contract'
import type { Listener, Session } from '../../../shared/model'

export interface EchoState {
  readonly listeners: readonly Listener[]
  readonly sessions: readonly Session[]
}

type Schedule = (fn: () => void) => unknown

export class EchoStore {
  private readonly listeners = new Map<string, Listener>()
  private readonly sessions = new Map<string, Session>()
  private state: EchoState = { listeners: [], sessions: [] }
  private readonly subscribers = new Set<() => void>()
  private scheduled = false

  constructor(
    private readonly api: InspectorApi,
    private readonly schedule: Schedule = (fn) => requestAnimationFrame(fn)
  ) {}

  start(): Unsubscribe {
    const offs = [
      this.api.on('listener:update', (items) => this.merge(this.listeners, items)),
      this.api.on('session:update', (items) => this.merge(this.sessions, items))
    ]
    void Promise.all([this.api['echo:list'](), this.api['session:list']()]).then(([ls, ss]) => {
      this.merge(this.listeners, ls)
      this.merge(this.sessions, ss)
    })
    return () => offs.forEach((off) => off())
  }

  subscribe = (fn: () => void): Unsubscribe => {
    this.subscribers.add(fn)
    return () => this.subscribers.delete(fn)
  }

  getState = (): EchoState => this.state

  private merge<T extends { readonly id: string }>(
    into: Map<string, T>,
    items: readonly T[]
  ): void {
    for (const item of items) into.set(item.id, item)
    if (this.scheduled) return
    this.scheduled = true
    this.schedule(() => {
      this.scheduled = false
      this.state = {
        listeners: [...this.listeners.values()],
        sessions: [...this.sessions.values()]
      }
      for (const fn of [...this.subscribers]) fn()
    })
  }
}
