// The connection table's filter box: free words match any column; `port:80`, `pid:123`,
// `state:listen`, `proc:node`, `proto:udp` match one field; `mine` keeps the app's own
// sockets. Terms are ANDed. A term that cannot mean anything (`port:abc`, `foo:bar`) is
// left out of the filter and reported, in the user's words, so the box can say what is
// wrong instead of quietly showing nothing. Pure and shared: the renderer filters with it,
// tests check it.
import { formatEndpoint } from './endpoint'
import type { TableRow } from './model'
import { BUILTIN_SERVICE_NAMES } from './service-names'
import type { ServiceNames } from './service-names'

export type FilterTerm =
  | { readonly kind: 'port'; readonly value: number }
  /** `port:ssh`: a service name, with the ports it stands for. */
  | { readonly kind: 'service'; readonly value: string; readonly ports: readonly number[] }
  | { readonly kind: 'pid'; readonly value: number }
  | { readonly kind: 'state'; readonly value: string }
  | { readonly kind: 'proc'; readonly value: string }
  | { readonly kind: 'proto'; readonly value: string }
  | { readonly kind: 'mine' }
  | { readonly kind: 'text'; readonly value: string }

/** Why a word could not be used: the renderer says it as `connections:filter.problem.<id>`. */
export type FilterProblemId = 'noValue' | 'badPort' | 'badPid' | 'badProto' | 'unknownKey'

/**
 * One word the filter could not use, and what to type instead: in English (the CLI, logs),
 * and as an id with its params, so the renderer says it in the user's language.
 */
export interface FilterProblem {
  readonly word: string
  readonly message: string
  readonly id: FilterProblemId
  readonly params: Readonly<Record<string, string | number>>
}

export interface CheckedFilter {
  readonly terms: readonly FilterTerm[]
  readonly problems: readonly FilterProblem[]
}

/**
 * Every key the box knows, with an example: the help popover and the errors list these.
 * `id` names the meaning in the renderer's words (`connections:filter.keys.<id>`).
 */
export const FILTER_KEYS: ReadonlyArray<{
  readonly key: string
  readonly id: string
  readonly example: string
  readonly meaning: string
}> = [
  { key: 'port', id: 'port', example: 'port:8080', meaning: 'local or remote port' },
  { key: 'pid', id: 'pid', example: 'pid:1234', meaning: 'a process id holding the socket' },
  {
    key: 'state',
    id: 'state',
    example: 'state:listen',
    meaning: 'kernel state (estab, time-wait …)'
  },
  { key: 'proc', id: 'proc', example: 'proc:node', meaning: 'process name contains' },
  { key: 'proto', id: 'proto', example: 'proto:udp6', meaning: 'tcp, tcp6, udp, udp6 or unix' },
  { key: 'mine', id: 'mine', example: 'mine', meaning: "this app's own sockets" },
  { key: '', id: 'text', example: '127.0.0.1', meaning: 'any other word: text in any column' }
]

const PROTOCOLS = ['tcp', 'tcp6', 'udp', 'udp6', 'unix'] as const
const MAX_PORT = 65_535
const KEY_LIST = FILTER_KEYS.filter((k) => k.key !== '' && k.key !== 'mine')
  .map((k) => `${k.key}:`)
  .join(', ')

const STATE_ALIASES: Readonly<Record<string, string>> = {
  estab: 'ESTABLISHED',
  established: 'ESTABLISHED',
  listen: 'LISTEN',
  listening: 'LISTEN',
  timewait: 'TIME_WAIT',
  'time-wait': 'TIME_WAIT',
  closewait: 'CLOSE_WAIT',
  'close-wait': 'CLOSE_WAIT'
}

/**
 * `key:value` where the key is letters only. Addresses (`127.0.0.1:80`, `::1`,
 * `fe80::1`) start with a digit or a colon, or have more colons: they stay free text.
 */
const KEYED = /^([a-z]+):([^:]*)$/i

function termOf(word: string, services: ServiceNames): FilterTerm | FilterProblem {
  if (word.toLowerCase() === 'mine') return { kind: 'mine' }
  const m = KEYED.exec(word)
  if (!m) return { kind: 'text', value: word.toLowerCase() }
  const key = m[1]!.toLowerCase()
  const value = m[2]!
  if (value === '') return problem(word, 'noValue', { word, example: example(key) })
  switch (key) {
    case 'port':
    case 'pid': {
      const n = /^\d+$/.test(value) ? Number(value) : NaN
      const ports = key === 'port' && Number.isNaN(n) ? services.ports(value) : []
      if (ports.length > 0) return { kind: 'service', value: value.toLowerCase(), ports }
      if (key === 'port' && !(n <= MAX_PORT))
        return problem(word, 'badPort', { word, max: MAX_PORT })
      if (key === 'pid' && !Number.isSafeInteger(n)) return problem(word, 'badPid', { word })
      return { kind: key, value: n }
    }
    case 'state':
      return {
        kind: 'state',
        value: STATE_ALIASES[value.toLowerCase()] ?? value.toUpperCase().replace(/-/g, '_')
      }
    case 'proc':
      return { kind: 'proc', value: value.toLowerCase() }
    case 'proto': {
      const p = value.toLowerCase()
      if ((PROTOCOLS as readonly string[]).includes(p)) return { kind: 'proto', value: p }
      return problem(word, 'badProto', { word, protocols: PROTOCOLS.join(', ') })
    }
    default:
      return problem(word, 'unknownKey', { key, keys: KEY_LIST })
  }
}

/** The English sentences; the renderer's are in locales/<lang>/connections.json. */
const PROBLEM_TEXT: Readonly<
  Record<FilterProblemId, (p: Readonly<Record<string, string | number>>) => string>
> = {
  noValue: (p) => `“${p.word}” needs a value after the colon, for example ${p.example}.`,
  badPort: (p) =>
    `“${p.word}”: a port is a number from 0 to ${p.max} or a service name, like port:8080 or port:ssh.`,
  badPid: (p) => `“${p.word}”: a pid is a whole number, like pid:1234.`,
  badProto: (p) => `“${p.word}”: the protocol is one of ${p.protocols}.`,
  unknownKey: (p) =>
    `“${p.key}” is not a filter key. Use ${p.keys} or mine; any other word is searched as text.`
}

function problem(
  word: string,
  id: FilterProblemId,
  params: Readonly<Record<string, string | number>>
): FilterProblem {
  return { word, message: PROBLEM_TEXT[id](params), id, params }
}

function example(key: string): string {
  return FILTER_KEYS.find((k) => k.key === key)?.example ?? 'port:8080'
}

/** The terms the box's text means, and the words it could not use. */
export function checkFilter(
  text: string,
  services: ServiceNames = BUILTIN_SERVICE_NAMES
): CheckedFilter {
  const terms: FilterTerm[] = []
  const problems: FilterProblem[] = []
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const t = termOf(word, services)
    if ('kind' in t) terms.push(t)
    else problems.push(t)
  }
  return { terms, problems }
}

/** The usable terms only. */
export function parseFilter(
  text: string,
  services: ServiceNames = BUILTIN_SERVICE_NAMES
): FilterTerm[] {
  return [...checkFilter(text, services).terms]
}

/** Each end as the table prints it too, so `127.0.0.1:8080` or `[::1]:80` finds its row. */
function haystack(r: TableRow): string {
  return [
    r.protocol,
    r.localAddress,
    r.localPort,
    r.localAddress === null ? null : formatEndpoint({ address: r.localAddress, port: r.localPort }),
    r.remoteAddress,
    r.remotePort,
    r.remoteAddress === null
      ? null
      : formatEndpoint({ address: r.remoteAddress, port: r.remotePort }),
    r.state,
    ...r.owners.flatMap((o) => [o.pid, o.process, o.fd])
  ]
    .filter((v) => v !== null && v !== undefined)
    .join(' ')
    .toLowerCase()
}

export function matches(r: TableRow, terms: readonly FilterTerm[]): boolean {
  return terms.every((t) => {
    switch (t.kind) {
      case 'port':
        return r.localPort === t.value || r.remotePort === t.value
      case 'service':
        return (
          (r.localPort !== null && t.ports.includes(r.localPort)) ||
          (r.remotePort !== null && t.ports.includes(r.remotePort))
        )
      case 'pid':
        return r.owners.some((o) => o.pid === t.value)
      case 'state':
        return r.state === t.value
      case 'proc':
        return r.owners.some((o) => o.process?.toLowerCase().includes(t.value) ?? false)
      case 'proto':
        return (
          r.protocol === t.value || `${r.protocol}${r.family === 'ipv6' ? '6' : ''}` === t.value
        )
      case 'mine':
        return r.sessionId !== null || r.listenerId !== null
      case 'text':
        return haystack(r).includes(t.value)
    }
  })
}
