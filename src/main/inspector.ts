// The facade: the one object every shell talks to. It owns the core's pieces and exposes
// the contract's commands and events; it never knows which shell is in front of it.
import type {
  CommandArgs,
  CommandName,
  CommandResult,
  Commands,
  EventListener,
  EventName,
  Events,
  Unsubscribe
} from '../shared/contract'
import type { Notice, ShellKind } from '../shared/model'
import { readAppInfo } from './app-info'
import { EventHub } from './event-hub'

export interface InspectorOptions {
  readonly shell: ShellKind
}

type Handlers = { readonly [K in CommandName]: Commands[K] }

export class Inspector {
  private readonly hub = new EventHub<Events>()
  private readonly startedAt = Date.now()
  private readonly handlers: Handlers
  private closed = false

  constructor(private readonly options: InspectorOptions) {
    this.handlers = {
      'app:info': () => readAppInfo(this.options.shell, this.startedAt)
    }
  }

  /** Runs a command whose arguments the caller has already validated (see dispatch.ts). */
  call<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<CommandResult<K>> {
    const handler = this.handlers[name] as (...a: CommandArgs<K>) => Promise<CommandResult<K>>
    return handler(...args)
  }

  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe {
    return this.hub.on(event, listener)
  }

  listenerCount(event: EventName): number {
    return this.hub.count(event)
  }

  notify(notice: Omit<Notice, 'at'>): void {
    this.hub.emit('app:notice', { ...notice, at: Date.now() })
  }

  /** Closes every socket and timer the core owns; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.hub.clear()
  }
}
