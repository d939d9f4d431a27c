// How a refused argument is said: in English (the schema's message, which tests match) and
// as a message id with params, so the renderer can say it in the user's language. Every
// `refused(...)` in schema.ts is remembered here once (they are made when the schemas are
// built, a fixed set), so parse-command.ts can tell which field and rule a message is about.
import type { ErrorId, ErrorParams, FieldId, RuleId } from './error-ids'
import { ERROR_IDS } from './error-ids'

/** How a value the user gave reads inside a sentence. */
export function shown(input: unknown): string {
  if (typeof input === 'string')
    return JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}…` : input)
  if (typeof input === 'number' || typeof input === 'boolean') return String(input)
  return input === null ? 'nothing' : 'that value'
}

/** Each field in the user's words, as the English sentences name it. */
export const FIELD_WORDS: Readonly<Record<FieldId, string>> = {
  port: 'port',
  host: 'host',
  socketPath: 'socket path',
  greeting: 'greeting',
  backlog: 'backlog',
  idleTimeout: 'idle timeout in ms',
  timeout: 'timeout in ms',
  repeatCount: 'repeat count',
  interval: 'interval in ms',
  pageSize: 'page size',
  gracePeriod: 'grace period in ms',
  payload: 'payload',
  payloadFormat: 'payload format',
  exportFormat: 'export format',
  protocol: 'protocol',
  source: 'source',
  pollRate: 'poll rate'
}

/** A rule's id and the values it names (limits, choices), for the translation. */
export interface RuleRef {
  readonly id: RuleId
  readonly params?: ErrorParams
}

interface Refusal {
  readonly field: FieldId
  readonly rule: string
  readonly ref: RuleRef
}

/** Keyed by field and English rule: the same refusal made twice is remembered once. */
const REFUSALS = new Map<string, Refusal>()

/** "The port 70000 is not valid: <rule>", or "The port is missing: <rule>". */
export function refused(
  field: FieldId,
  rule: string,
  ref: RuleRef
): (iss: { readonly input?: unknown }) => string {
  REFUSALS.set(`${field}\n${rule}`, { field, rule, ref })
  const words = FIELD_WORDS[field]
  return (iss) =>
    iss.input === undefined
      ? `the ${words} is missing: ${rule}`
      : `the ${words} ${shown(iss.input)} is not valid: ${rule}`
}

/** The protocols echo servers and clients speak, as the sentences list them. */
export const STREAM_PROTOCOLS = 'tcp, udp or unix'

/** The protocol picks the fields; say which protocols there are when it is none of them. */
export const protocolError =
  (which: string) =>
  (iss: { readonly input?: unknown }): string => {
    const given = (iss.input as { protocol?: unknown } | null | undefined)?.protocol
    return given === undefined
      ? `the protocol is missing: use ${which}`
      : `the protocol ${shown(given)} is not one of ${which}`
  }

/**
 * The id and params of a schema message about `input`, when it is one refused() or
 * protocolError() wrote; null for the others (they are shown in English).
 */
export function describeRefusal(
  message: string,
  input: unknown
): { readonly id: ErrorId; readonly params: ErrorParams } | null {
  for (const { field, rule, ref } of REFUSALS.values()) {
    const words = FIELD_WORDS[field]
    const params = { field, rule: ref.id, ...ref.params }
    if (input !== undefined && message === `the ${words} ${shown(input)} is not valid: ${rule}`) {
      return { id: ERROR_IDS.argInvalid, params: { ...params, value: shown(input) } }
    }
    if (message === `the ${words} is missing: ${rule}`) return { id: ERROR_IDS.argMissing, params }
  }
  // The only choice of protocols a command offers; another would need its own words.
  if (message === protocolError(STREAM_PROTOCOLS)({ input })) {
    const given = (input as { protocol?: unknown } | null | undefined)?.protocol
    return given === undefined
      ? { id: ERROR_IDS.argProtocolMissing, params: {} }
      : { id: ERROR_IDS.argProtocol, params: { value: shown(given) } }
  }
  return null
}
