// Checks a command's name and arguments where the call lands, against the command's one
// definition (commands.ts); throws an InspectorFailure that says what is wrong.
import type { z } from 'zod'
import type { CommandArgs, CommandName } from './contract'
import { commandArgsSchema, isCommandName } from './contract'
import { InspectorFailure } from './errors'

export const INVALID_ARGUMENT = 'EINVAL'
export const UNKNOWN_COMMAND = 'EUNKNOWNCMD'

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
  const schema = commandArgsSchema(name)
  const result = schema.safeParse(padArgs(schema, args))
  if (!result.success) {
    const issue = result.error.issues[0]
    const field = issue?.path.filter((p) => typeof p === 'string').join('.')
    const where = field ? ` (${field})` : ''
    throw new InspectorFailure(
      INVALID_ARGUMENT,
      `${name} was given invalid input${where}: ${issue?.message ?? 'not accepted'}.`,
      'Check the value and try again.'
    )
  }
  return { name, args: result.data }
}

/** Optional trailing arguments may be left out; zod tuples want them present. */
function padArgs(schema: z.ZodTuple, args: unknown): unknown {
  if (!Array.isArray(args)) return args
  const want = schema.def.items.length
  return args.length < want ? [...args, ...Array(want - args.length).fill(undefined)] : args
}
