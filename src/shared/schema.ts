// The schemas of what commands take: hosts, ports, specs. The renderer is untrusted input:
// the core checks every call against these (through commands.ts) before any syscall, and
// the renderer's forms reuse the same schemas as the user types.
import { z } from 'zod'
import type { FieldId } from './error-ids'
import { LIMITS, POLL_RATE_HZ } from './limits'
import { TABLE_SOURCE_IDS } from './model'
import { FIELD_WORDS, protocolError, refused, shown, STREAM_PROTOCOLS } from './refusals'
import { decodeEscapes, decodePayload, formatCount, PayloadError, payloadTooLarge } from './payload'

export { LIMITS, shown }

// Every message here is what the user reads when a value is refused: it names the field
// in their words, quotes what they gave, and says what would be accepted. parse-command.ts
// puts it first, capitalized; no command or field name of the code ever shows.

/**
 * A host whose last label is all digits is an IPv4 address typed by hand (no top-level
 * domain is numeric); if it is not a valid one, say so, rather than send it to DNS.
 */
export function numericHostProblem(host: string): string | null {
  const last = host.split('.').at(-1) ?? ''
  if (!/^\d+$/.test(last) || z.ipv4().safeParse(host).success) return null
  return `${shown(host)} is not a valid IPv4 address: it has four numbers from 0 to 255, as in 127.0.0.1`
}

const BIND_RULE =
  'a server listens on an IP address of this machine, such as 127.0.0.1 or ::1, or on localhost'
const REMOTE_RULE =
  'a host is an IP address, such as 127.0.0.1 or ::1, or a host name, such as localhost'

/** A DNS host name (RFC 1123 labels). */
const HOST_NAME =
  /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,62}[a-zA-Z0-9])?)*$/

export const ip = z.union([z.ipv4(), z.ipv6()])
/** Servers bind an address of this machine: an IP literal or localhost. */
export const bindHost = z.union([ip, z.literal('localhost')], {
  error: refused('host', BIND_RULE, { id: 'bindHost' })
})
/** Clients may also name a host; DNS resolves it at connect time, never a bad dotted quad. */
export const remoteHost = z
  .union([ip, z.string()], { error: refused('host', REMOTE_RULE, { id: 'remoteHost' }) })
  .check(
    z.superRefine((host, ctx) => {
      const numeric = numericHostProblem(host)
      if (numeric) return void ctx.addIssue({ code: 'custom', message: numeric })
      if (!ip.safeParse(host).success && !HOST_NAME.test(host)) {
        ctx.addIssue({
          code: 'custom',
          message: refused('host', REMOTE_RULE, { id: 'remoteHost' })({ input: host })
        })
      }
    })
  )

const wholeNumber = (field: FieldId, min: number, max: number, extra = ''): z.ZodNumber => {
  const error = refused(
    field,
    `${field === 'port' ? 'a port' : `the ${FIELD_WORDS[field]}`} is a whole number from ${min} to ${max}${extra}`,
    { id: extra ? 'portAny' : 'wholeNumber', params: { min, max } }
  )
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error })
}
export const port = wholeNumber('port', 0, 65_535, ' (0 picks any free port)')
export const remotePort = wholeNumber('port', 1, 65_535)
export const socketPath = z
  .string({
    error: refused('socketPath', 'give a file path, such as /tmp/echo.sock', { id: 'socketPath' })
  })
  .min(1, { error: 'the socket path is empty: give a file path, such as /tmp/echo.sock' })
  .max(LIMITS.pathChars, {
    error: `the socket path is longer than ${formatCount(LIMITS.pathChars)} characters`
  })
  .refine((p) => !p.includes('\0'), { error: 'the socket path must not contain a NUL byte' })
const intIn = (min: number, max: number, what: FieldId): z.ZodNumber => wholeNumber(what, min, max)
export const id = z.string().regex(/^[a-z]{1,8}-\d{1,12}$/, {
  error: (iss) =>
    `${shown(iss.input)} is not a server, client or session this app has made: pick one from its list`
})

const greeting = z
  .string({
    error: refused('greeting', 'it is text, with escapes such as \\n', { id: 'greeting' })
  })
  .max(LIMITS.greetingChars, {
    error: `the greeting is longer than ${formatCount(LIMITS.greetingChars)} characters`
  })
  .superRefine((text, ctx) => {
    try {
      decodeEscapes(text)
    } catch (err) {
      ctx.addIssue({
        code: 'custom',
        message: `the greeting cannot be used: ${(err as Error).message}`
      })
    }
  })

const strict = <T extends z.ZodRawShape>(shape: T): z.ZodObject<T, z.core.$strict> =>
  z.strictObject(shape)

/** A TLS server: the user's PEM files (both), or neither for the app's self-signed one. */
const tlsServerSpec = strict({
  certPath: socketPath.optional(),
  keyPath: socketPath.optional()
}).refine((t) => (t.certPath === undefined) === (t.keyPath === undefined), {
  error: 'tls needs both a certificate file and its key file, or neither'
})

const ALPN_HINT = 'ALPN protocols are short names such as h2 or http/1.1'
const tlsClientSpec = strict({
  verify: z.boolean().optional(),
  servername: z
    .string()
    .regex(HOST_NAME, {
      error: 'the server name (SNI) must be a host name such as localhost, not an address'
    })
    .optional(),
  alpn: z
    .array(z.string().regex(/^[\x21-\x7e]{1,64}$/, { error: ALPN_HINT }), { error: ALPN_HINT })
    .max(LIMITS.alpnProtocols, { error: `at most ${LIMITS.alpnProtocols} ALPN protocols` })
    .readonly()
    .optional()
})

export const listenerSpec = z.discriminatedUnion(
  'protocol',
  [
    strict({
      protocol: z.literal('tcp'),
      host: bindHost.optional(),
      port: port.optional(),
      backlog: intIn(LIMITS.backlog.min, LIMITS.backlog.max, 'backlog').optional(),
      greeting: greeting.optional(),
      tls: tlsServerSpec.optional()
    }),
    strict({
      protocol: z.literal('udp'),
      host: bindHost.optional(),
      port: port.optional(),
      idleTimeoutMs: intIn(
        LIMITS.idleTimeoutMs.min,
        LIMITS.idleTimeoutMs.max,
        'idleTimeout'
      ).optional()
    }),
    strict({
      protocol: z.literal('unix'),
      path: socketPath,
      backlog: intIn(LIMITS.backlog.min, LIMITS.backlog.max, 'backlog').optional(),
      greeting: greeting.optional()
    })
  ],
  { error: protocolError(STREAM_PROTOCOLS) }
)

const timeoutMs = intIn(LIMITS.connectTimeoutMs.min, LIMITS.connectTimeoutMs.max, 'timeout')
export const clientSpec = z.discriminatedUnion(
  'protocol',
  [
    strict({
      protocol: z.literal('tcp'),
      host: remoteHost.optional(),
      port: remotePort,
      timeoutMs: timeoutMs.optional(),
      tls: tlsClientSpec.optional()
    }),
    strict({
      protocol: z.literal('udp'),
      host: remoteHost.optional(),
      port: remotePort,
      timeoutMs: timeoutMs.optional()
    }),
    strict({ protocol: z.literal('unix'), path: socketPath, timeoutMs: timeoutMs.optional() })
  ],
  { error: protocolError(STREAM_PROTOCOLS) }
)

export const sendSpec = strict({
  data: z
    .string({ error: refused('payload', 'it is text or hex digits', { id: 'payload' }) })
    .max(LIMITS.payloadChars, {
      error: `the payload cannot be sent: ${payloadTooLarge(null).message}`
    }),
  encoding: z.enum(['text', 'hex'], {
    error: refused('payloadFormat', 'use text or hex', { id: 'textOrHex' })
  }),
  repeat: intIn(LIMITS.repeat.min, LIMITS.repeat.max, 'repeatCount').optional(),
  intervalMs: intIn(LIMITS.intervalMs.min, LIMITS.intervalMs.max, 'interval').optional()
}).superRefine((spec, ctx) => {
  try {
    decodePayload(spec.data, spec.encoding)
  } catch (err) {
    if (!(err instanceof PayloadError)) throw err
    ctx.addIssue({
      code: 'custom',
      path: ['data'],
      message: `the payload cannot be sent: ${err.message}`
    })
  }
})

export const trafficRange = strict({
  fromSeq: z.number().int().min(0).optional(),
  limit: intIn(1, LIMITS.trafficPage.max, 'pageSize').optional(),
  newest: z.boolean().optional()
})

export const stopOptions = strict({ closeSessions: z.boolean().optional() })
export const sessionCloseOptions = strict({ mode: z.enum(['close', 'reset']).optional() })
export const forgetSessions = strict({
  ids: z.array(id).max(LIMITS.closedSessionsKept).readonly().optional()
})
export const exportFormat = z.enum(['text', 'hex'], {
  error: refused('exportFormat', 'use text or hex', { id: 'textOrHex' })
})
export const tableProtocol = z.enum(['tcp', 'udp'], {
  error: refused('protocol', 'use tcp or udp', { id: 'tcpOrUdp' })
})
export const tableSourceId = z.enum(TABLE_SOURCE_IDS, {
  error: refused('source', `a source is one of ${TABLE_SOURCE_IDS.join(', ')}`, {
    id: 'source',
    params: { sources: TABLE_SOURCE_IDS.join(', ') }
  })
})
const RATE_RULE = `the poll rate is a number of polls a second from ${POLL_RATE_HZ.min} to ${POLL_RATE_HZ.max}`
const RATE_REF = {
  id: 'pollRate',
  params: { min: POLL_RATE_HZ.min, max: POLL_RATE_HZ.max }
} as const
export const pollRate = z
  .number({ error: refused('pollRate', RATE_RULE, RATE_REF) })
  .min(POLL_RATE_HZ.min, { error: refused('pollRate', RATE_RULE, RATE_REF) })
  .max(POLL_RATE_HZ.max, { error: refused('pollRate', RATE_RULE, RATE_REF) })
export const tableOptions = strict({
  rateHz: pollRate.optional(),
  source: tableSourceId.optional(),
  graceMs: intIn(0, 600_000, 'gracePeriod').optional()
})
