// Alert rules: an event kind, then the table's filter language.
//   listen [filter]               a socket starts listening (a new listening port)
//   freed [filter]                a listening socket goes away (its port is free)
//   connect [filter]              a new connection (to an address or port in the filter)
//   stuck STATE SECONDS [filter]  a socket stays in STATE longer than SECONDS
//   count N [filter]              a process holds more than N connections
// Pure and shared: the core runs the rules, the renderer's editor checks them as typed.
import { parseFilter } from './row-filter'
import type { FilterTerm } from './row-filter'
import { BUILTIN_SERVICE_NAMES } from './service-names'
import type { ServiceNames } from './service-names'
import type { TableRow } from './model'
import { SAID_IDS as S, said } from './said'
import type { Said } from './said'

export const ALERT_KINDS = ['listen', 'freed', 'connect', 'stuck', 'count'] as const
export type AlertKind = (typeof ALERT_KINDS)[number]

/** The longest rule text and the most rules a user can keep. */
export const MAX_RULE_CHARS = 300
export const MAX_RULES = 50
/** Fired alerts kept for the in-app list; the oldest go first, and are counted. */
export const RECENT_ALERTS_LIMIT = 200

export interface ParsedRule {
  readonly kind: AlertKind
  /** stuck: the state; the rest: null. */
  readonly state: string | null
  /** stuck: seconds; count: N; the rest: null. */
  readonly threshold: number | null
  readonly terms: readonly FilterTerm[]
}

/** A rule as the user keeps it (settings key `alerts`). */
export interface AlertRuleSpec {
  readonly id: string
  readonly text: string
  readonly enabled: boolean
}

export interface Alert {
  /** Counts up for the run. */
  readonly seq: number
  readonly at: number
  readonly ruleId: string
  readonly rule: string
  readonly kind: AlertKind
  /** The alert in English (CLI, notifications from the core, logs). */
  readonly message: string
  /** The same words as an id and params, for the renderer to say in the user's language. */
  readonly said: Said
  /** The row it refers to (count: the process's newest connection), null when none. */
  readonly rowId: string | null
  readonly row: TableRow | null
  readonly pid: number | null
}

export type RuleParse =
  | { readonly ok: true; readonly rule: ParsedRule }
  | {
      readonly ok: false
      /** English (the core's error, the CLI); `said` and `hintSaid` are the same words by id. */
      readonly message: string
      readonly hint: string
      readonly said: Said
      readonly hintSaid: Said
    }

const HINT =
  'Start with listen, freed, connect, stuck STATE SECONDS or count N, then a filter — for example "listen port:3000", "stuck close-wait 30", "count 100 proc:node".'

function fail(message: string, why: Said): RuleParse {
  return { ok: false, message, hint: HINT, said: why, hintSaid: said(S.ruleHint) }
}

const wholeNumber = (s: string | undefined): number | null =>
  s !== undefined && /^\d{1,9}$/.test(s) ? Number(s) : null

export function parseRule(text: string, services: ServiceNames = BUILTIN_SERVICE_NAMES): RuleParse {
  if (text.length > MAX_RULE_CHARS)
    return fail(
      `The rule is ${text.length} characters long; at most ${MAX_RULE_CHARS} fit.`,
      said(S.ruleTooLong, { length: text.length, max: MAX_RULE_CHARS })
    )
  const words = text.trim().split(/\s+/).filter(Boolean)
  const first = words[0]?.toLowerCase()
  if (!first) return fail('The rule is empty.', said(S.ruleEmpty))
  if (!(ALERT_KINDS as readonly string[]).includes(first))
    return fail(`"${words[0]}" is not a kind of alert.`, said(S.ruleNotKind, { word: words[0]! }))
  const kind = first as AlertKind
  let rest = words.slice(1)
  let state: string | null = null
  let threshold: number | null = null
  if (kind === 'stuck') {
    const stateWord = rest[0]
    const seconds = wholeNumber(rest[1])
    if (!stateWord || seconds === null || seconds === 0)
      return fail(
        '"stuck" needs a state and a number of seconds, as in "stuck close-wait 30".',
        said(S.ruleStuckNeeds)
      )
    const term = parseFilter(`state:${stateWord}`, services)[0]
    state = term?.kind === 'state' ? term.value : stateWord.toUpperCase()
    threshold = seconds
    rest = rest.slice(2)
  } else if (kind === 'count') {
    threshold = wholeNumber(rest[0])
    if (threshold === null)
      return fail(
        '"count" needs how many connections are too many, as in "count 100".',
        said(S.ruleCountNeeds)
      )
    rest = rest.slice(1)
  }
  return {
    ok: true,
    rule: { kind, state, threshold, terms: parseFilter(rest.join(' '), services) }
  }
}
