// Run-time validation of every command's arguments. The renderer is untrusted input:
// main checks everything here before it reaches the core, and before any syscall.
import { z } from 'zod'
import type { CommandArgs, CommandName } from './contract'
import { isCommandName } from './contract'
import { InspectorFailure } from './errors'
import { LIMITS } from './limits'
import { decodeEscapes, decodePayload, PayloadError } from './payload'

export { LIMITS }

const PORT_HINT = 'a port is a whole number from 0 to 65535 (0 = any free port)'

const ip = z.union([z.ipv4(), z.ipv6()])
/** Servers bind an address of this machine: an IP literal or localhost. */
const bindHost = z.union([ip, z.literal('localhost')], {
  error: 'host must be an IP address such as 127.0.0.1 or ::1, or localhost'
})
/** Clients may also name a host; DNS resolves it at connect time. */
const remoteHost = z.union([
  ip,
  z
    .string()
    .max(253)
    .regex(
      /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}[a-zA-Z0-9])?)*$/,
      {
        message: 'host must be an IP address or a host name'
      }
    )
])
const port = z
  .number({ error: PORT_HINT })
  .int({ error: PORT_HINT })
  .min(0, { error: PORT_HINT })
  .max(65_535, { error: PORT_HINT })
const remotePort = z
  .number({ error: 'a port is a whole number from 1 to 65535' })
  .int({ error: 'a port is a whole number from 1 to 65535' })
  .min(1, { error: 'a port is a whole number from 1 to 65535' })
  .max(65_535, { error: 'a port is a whole number from 1 to 65535' })
const socketPath = z
  .string({ error: 'path must be a file path' })
  .min(1, { error: 'path must not be empty' })
  .max(LIMITS.pathChars)
  .refine((p) => !p.includes('\0'), { error: 'path must not contain a NUL byte' })
const intIn = (min: number, max: number, what: string): z.ZodNumber =>
  z
    .number({ error: `${what} must be a whole number from ${min} to ${max}` })
    .int({ error: `${what} must be a whole number from ${min} to ${max}` })
    .min(min, { error: `${what} must be a whole number from ${min} to ${max}` })
    .max(max, { error: `${what} must be a whole number from ${min} to ${max}` })
const id = z.string().regex(/^[a-z]{1,8}-\d{1,12}$/, { error: 'not an id this app gave out' })

const greeting = z
  .string()
  .max(LIMITS.greetingChars)
  .superRefine((text, ctx) => {
    try {
      decodeEscapes(text)
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `greeting: ${(err as Error).message}` })
    }
  })

const strict = <T extends z.ZodRawShape>(shape: T): z.ZodObject<T, z.core.$strict> =>
  z.strictObject(shape)

const listenerSpec = z.discriminatedUnion('protocol', [
  strict({
    protocol: z.literal('tcp'),
    host: bindHost.optional(),
    port: port.optional(),
    backlog: intIn(LIMITS.backlog.min, LIMITS.backlog.max, 'backlog').optional(),
    greeting: greeting.optional()
  }),
  strict({
    protocol: z.literal('udp'),
    host: bindHost.optional(),
    port: port.optional(),
    idleTimeoutMs: intIn(
      LIMITS.idleTimeoutMs.min,
      LIMITS.idleTimeoutMs.max,
      'idle timeout'
    ).optional()
  }),
  strict({
    protocol: z.literal('unix'),
    path: socketPath,
    backlog: intIn(LIMITS.backlog.min, LIMITS.backlog.max, 'backlog').optional(),
    greeting: greeting.optional()
  })
])

const timeoutMs = intIn(LIMITS.connectTimeoutMs.min, LIMITS.connectTimeoutMs.max, 'timeout')
const clientSpec = z.discriminatedUnion('protocol', [
  strict({
    protocol: z.literal('tcp'),
    host: remoteHost.optional(),
    port: remotePort,
    timeoutMs: timeoutMs.optional()
  }),
  strict({
    protocol: z.literal('udp'),
    host: remoteHost.optional(),
    port: remotePort,
    timeoutMs: timeoutMs.optional()
  }),
  strict({ protocol: z.literal('unix'), path: socketPath, timeoutMs: timeoutMs.optional() })
])

const sendSpec = strict({
  data: z.string().max(LIMITS.payloadChars),
  encoding: z.enum(['text', 'hex']),
  repeat: intIn(LIMITS.repeat.min, LIMITS.repeat.max, 'repeat').optional(),
  intervalMs: intIn(LIMITS.intervalMs.min, LIMITS.intervalMs.max, 'interval').optional()
}).superRefine((spec, ctx) => {
  try {
    decodePayload(spec.data, spec.encoding)
  } catch (err) {
    if (!(err instanceof PayloadError)) throw err
    ctx.addIssue({ code: 'custom', path: ['data'], message: `payload: ${err.message}` })
  }
})

const trafficRange = strict({
  fromSeq: z.number().int().min(0).optional(),
  limit: intIn(1, LIMITS.trafficPage.max, 'limit').optional(),
  newest: z.boolean().optional()
})

type ArgSchemas = { readonly [K in CommandName]: z.ZodType<CommandArgs<K>> }

export const commandArgs: ArgSchemas = {
  'app:info': z.tuple([]),
  'echo:start': z.tuple([listenerSpec]),
  'echo:stop': z.tuple([id, strict({ closeSessions: z.boolean().optional() }).optional()]),
  'echo:list': z.tuple([]),
  'client:connect': z.tuple([clientSpec]),
  'client:send': z.tuple([id, sendSpec]),
  'client:close': z.tuple([id]),
  'client:reset': z.tuple([id]),
  'client:list': z.tuple([]),
  'session:list': z.tuple([]),
  'session:traffic': z.tuple([id, trafficRange.optional()]),
  'session:export': z.tuple([id, z.enum(['text', 'hex'])]),
  'session:kernel': z.tuple([id]),
  'table:snapshot': z.tuple([]),
  'table:status': z.tuple([]),
  'table:configure': z.tuple([
    strict({
      rateHz: z
        .number({ error: 'rate must be a number of polls a second from 0.25 to 10' })
        .min(0.25, { error: 'rate must be a number of polls a second from 0.25 to 10' })
        .max(10, { error: 'rate must be a number of polls a second from 0.25 to 10' })
        .optional(),
      source: z.enum(['procfs', 'netlink', 'lsof', 'ss', 'netstat']).optional(),
      graceMs: intIn(0, 600_000, 'grace period').optional()
    })
  ]),
  'table:holders': z.tuple([remotePort, z.enum(['tcp', 'udp']).optional()])
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
  // Optional trailing arguments may be left out; zod tuples want them present.
  const schema = commandArgs[name] as z.ZodType<unknown>
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

function padArgs(schema: z.ZodType<unknown>, args: unknown): unknown {
  if (!Array.isArray(args) || !(schema instanceof z.ZodTuple)) return args
  const want = schema.def.items.length
  return args.length < want ? [...args, ...Array(want - args.length).fill(undefined)] : args
}
