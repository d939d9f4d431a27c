// The generic binding both shells share: validate a command, run it, answer with a
// WireResult; and per-client event subscriptions that end when the client goes.
import type {
  CommandArgs,
  CommandName,
  CommandResult,
  EventName,
  Events,
  WireResult
} from '../shared/contract'
import { isEventName } from '../shared/contract'
import { INTERNAL_ERROR_CODE, InspectorFailure, toInspectorError } from '../shared/errors'
import { INVALID_ARGUMENT, parseCommand } from '../shared/parse-command'
import type { Inspector } from './inspector'

export async function dispatch(
  inspector: Inspector,
  name: unknown,
  args: unknown
): Promise<WireResult<unknown>> {
  try {
    const command = parseCommand(name, args)
    const value = await inspector.call(command.name, command.args as never)
    return { ok: true, value }
  } catch (err) {
    const error = toInspectorError(err)
    // The user sees the sentence; the developer gets the stack, on the main side only.
    if (error.code === INTERNAL_ERROR_CODE) console.error(`command ${String(name)} failed:`, err)
    return { ok: false, error }
  }
}

/**
 * The CLI's way in: the same validation as a shell's call, but failures are thrown (as
 * InspectorFailures with a sentence and a hint) for the command line to print.
 */
export async function invoke<K extends CommandName>(
  inspector: Inspector,
  name: K,
  ...args: CommandArgs<K>
): Promise<CommandResult<K>> {
  const command = parseCommand(name, args)
  return inspector.call(command.name, command.args)
}

export type EventSink = <E extends EventName>(event: E, payload: Events[E]) => void

/** One client's event subscriptions: at most one per event, all dropped by close(). */
export class Subscriptions {
  private readonly active = new Map<EventName, () => void>()

  constructor(
    private readonly inspector: Inspector,
    private readonly sink: EventSink
  ) {}

  subscribe(name: unknown): void {
    const event = checkEventName(name)
    if (this.active.has(event)) return
    this.active.set(
      event,
      this.inspector.on(event, (payload) => this.sink(event, payload))
    )
  }

  unsubscribe(name: unknown): void {
    const event = checkEventName(name)
    this.active.get(event)?.()
    this.active.delete(event)
  }

  close(): void {
    for (const off of this.active.values()) off()
    this.active.clear()
  }

  get size(): number {
    return this.active.size
  }
}

function checkEventName(name: unknown): EventName {
  if (!isEventName(name)) {
    throw new InspectorFailure(
      INVALID_ARGUMENT,
      `There is no event named ${JSON.stringify(String(name)).slice(0, 80)}.`
    )
  }
  return name
}
