// Run-time validation of every command's arguments. The renderer is untrusted input:
// main checks everything here before it reaches the core.
import { z } from 'zod'
import type { CommandArgs, CommandName } from './contract'
import { isCommandName } from './contract'
import { InspectorFailure } from './errors'

type ArgSchemas = { readonly [K in CommandName]: z.ZodType<CommandArgs<K>> }

export const commandArgs: ArgSchemas = {
  'app:info': z.tuple([])
}

export const INVALID_ARGUMENT = 'EINVAL'
export const UNKNOWN_COMMAND = 'EUNKNOWNCMD'

/** Checks a command's name and arguments; throws an InspectorFailure that says what is wrong. */
export function parseCommand<K extends CommandName>(
  name: K,
  args: unknown
): { name: K; args: CommandArgs<K> }
export function parseCommand(name: unknown, args: unknown): { name: CommandName; args: unknown[] }
export function parseCommand(name: unknown, args: unknown): { name: CommandName; args: unknown } {
  if (!isCommandName(name)) {
    throw new InspectorFailure(
      UNKNOWN_COMMAND,
      `There is no command named ${JSON.stringify(String(name)).slice(0, 80)}.`,
      'The app and its core may be from different versions; restart the app.'
    )
  }
  const result = (commandArgs[name] as z.ZodType<unknown>).safeParse(args)
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue && issue.path.length > 0 ? ` (argument ${issue.path.join('.')})` : ''
    throw new InspectorFailure(
      INVALID_ARGUMENT,
      `${name} was given invalid input${where}: ${issue?.message ?? 'not accepted'}.`,
      'Check the value and try again.'
    )
  }
  return { name, args: result.data }
}
