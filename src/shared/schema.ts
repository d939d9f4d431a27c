// The schemas of what commands take: hosts, ports, specs. The renderer is untrusted input:
// the core checks every call against these (through commands.ts) before any syscall, and
// the renderer's forms reuse the same schemas as the user types.
import { z } from 'zod'
import { LIMITS, POLL_RATE_HZ } from './limits'
import { TABLE_SOURCE_IDS } from './model'
import { decodeEscapes, decodePayload, PayloadError } from './payload'

export { LIMITS }

const PORT_HINT = 'a port is a whole number from 0 to 65535 (0 = any free port)'

export const ip = z.union([z.ipv4(), z.ipv6()])
/** Servers bind an address of this machine: an IP literal or localhost. */
export const bindHost = z.union([ip, z.literal('localhost')], {
  error: 'host must be an IP address such as 127.0.0.1 or ::1, or localhost'
})
/** Clients may also name a host; DNS resolves it at connect time. */
export const remoteHost = z.union([
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
export const port = z
  .number({ error: PORT_HINT })
  .int({ error: PORT_HINT })
  .min(0, { error: PORT_HINT })
  .max(65_535, { error: PORT_HINT })
export const remotePort = z
  .number({ error: 'a port is a whole number from 1 to 65535' })
  .int({ error: 'a port is a whole number from 1 to 65535' })
  .min(1, { error: 'a port is a whole number from 1 to 65535' })
  .max(65_535, { error: 'a port is a whole number from 1 to 65535' })
export const socketPath = z
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
export const id = z
  .string()
  .regex(/^[a-z]{1,8}-\d{1,12}$/, { error: 'not an id this app gave out' })

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

export const listenerSpec = z.discriminatedUnion('protocol', [
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
export const clientSpec = z.discriminatedUnion('protocol', [
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

export const sendSpec = strict({
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

export const trafficRange = strict({
  fromSeq: z.number().int().min(0).optional(),
  limit: intIn(1, LIMITS.trafficPage.max, 'limit').optional(),
  newest: z.boolean().optional()
})

export const stopOptions = strict({ closeSessions: z.boolean().optional() })
export const exportFormat = z.enum(['text', 'hex'])
export const tableProtocol = z.enum(['tcp', 'udp'])
export const tableSourceId = z.enum(TABLE_SOURCE_IDS, {
  error: `a source is one of ${TABLE_SOURCE_IDS.join(', ')}`
})
const RATE_HINT = `rate must be a number of polls a second from ${POLL_RATE_HZ.min} to ${POLL_RATE_HZ.max}`
export const pollRate = z
  .number({ error: RATE_HINT })
  .min(POLL_RATE_HZ.min, { error: RATE_HINT })
  .max(POLL_RATE_HZ.max, { error: RATE_HINT })
export const tableOptions = strict({
  rateHz: pollRate.optional(),
  source: tableSourceId.optional(),
  graceMs: intIn(0, 600_000, 'grace period').optional()
})
