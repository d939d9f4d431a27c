// Turns a shell's bridge (answers as WireResults) into the InspectorApi the views use
// (answers as values, failures as CommandError).
import { COMMAND_NAMES } from '../../../shared/contract'
import type { InspectorApi, InspectorBridge, WireResult } from '../../../shared/contract'
import { CommandError } from './command-error'

export function toApi(bridge: InspectorBridge): InspectorApi {
  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => [
      name,
      async (...args: unknown[]) => {
        const call = bridge[name] as (...a: unknown[]) => Promise<WireResult<unknown>>
        const result = await call(...args)
        if (result.ok) return result.value
        throw new CommandError(result.error)
      }
    ])
  )
  return { ...commands, on: bridge.on } as InspectorApi
}
