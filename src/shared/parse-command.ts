// Checks a command's name and arguments where the call lands, against the command's one
// definition (commands.ts); throws an InspectorFailure that says what is wrong.
import type { z } from 'zod'
import { shown } from './schema'
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
  const result = schema.safeParse(padArgs(schema, args), { reportInput: true })
  if (!result.success) {
    throw new InspectorFailure(
      INVALID_ARGUMENT,
      sentence(result.error.issues[0]),
      'Correct it and try again.'
    )
  }
  return { name, args: result.data }
}

/** Fields without a message of their own (ones no form offers), in words. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  fromSeq: 'first chunk',
  limit: 'page size',
  newest: '"newest first" choice',
  closeSessions: '"close its sessions" choice'
}

/**
 * The schema's own message (schema.ts), as a sentence; zod's defaults only where no form
 * can send the value, put in words too. Never the command's or a field's code name.
 */
function sentence(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'That was not accepted.'
  let text = issue.message
  if (issue.code === 'unrecognized_keys') {
    text = `this does not take ${issue.keys.map((k) => JSON.stringify(k)).join(' or ')}`
  } else if (issue.path.length === 0) {
    // The argument list itself: only a program, not a form, can get it wrong.
    text =
      'the request had the wrong number or kind of values; the app and its core may be from different versions'
  } else if (/^(Invalid|Too (big|small)|Unrecognized)/.test(text)) {
    const key = [...issue.path].reverse().find((p) => typeof p === 'string')
    const field = key === undefined ? 'value' : (FIELD_WORDS[key] ?? key)
    text = `the ${field} ${shown(issue.input)} is not valid here`
  }
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`
}

/** Optional trailing arguments may be left out; zod tuples want them present. */
function padArgs(schema: z.ZodTuple, args: unknown): unknown {
  if (!Array.isArray(args)) return args
  const want = schema.def.items.length
  return args.length < want ? [...args, ...Array(want - args.length).fill(undefined)] : args
}
