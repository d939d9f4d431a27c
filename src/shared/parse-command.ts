// Checks a command's name and arguments where the call lands, against the command's one
// definition (commands.ts); throws an InspectorFailure that says what is wrong.
import type { z } from 'zod'
import { numericHostProblem, shown } from './schema'
import type { CommandArgs, CommandName } from './contract'
import { commandArgsSchema, isCommandName } from './contract'
import type { ErrorText } from './errors'
import { InspectorFailure } from './errors'
import { ERROR_IDS } from './error-ids'
import { describeRefusal } from './refusals'

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
      'The app and its core may be from different versions; restart the app.',
      { id: ERROR_IDS.commandUnknown, params: { name: JSON.stringify(String(name)).slice(0, 80) } }
    )
  }
  const schema = commandArgsSchema(name)
  const result = schema.safeParse(padArgs(schema, args), { reportInput: true })
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new InspectorFailure(
      INVALID_ARGUMENT,
      sentence(issue),
      'Correct it and try again.',
      textOf(issue)
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

/** The message id of a schema message, for the renderer to say it in the user's language. */
function textOf(issue: z.core.$ZodIssue | undefined): ErrorText | undefined {
  if (!issue) return undefined
  const input = (issue as { input?: unknown }).input
  if (typeof input === 'string' && issue.message === numericHostProblem(input)) {
    return { id: ERROR_IDS.clientBadIpv4, params: { value: shown(input) } }
  }
  return describeRefusal(issue.message, input) ?? undefined
}

/** Optional trailing arguments may be left out; zod tuples want them present. */
function padArgs(schema: z.ZodTuple, args: unknown): unknown {
  if (!Array.isArray(args)) return args
  const want = schema.def.items.length
  return args.length < want ? [...args, ...Array(want - args.length).fill(undefined)] : args
}
