// "Can I bind ADDRESS:PORT now?" as pure logic over the port's holders. The rules are
// Linux's (inet_csk_bind_conflict, ipv6_rcv_saddr_equal) for a listener made the way Node's
// `listen` makes one: SO_REUSEADDR on, and `::` dual-stack. Where the answer depends on what
// a holder set and the OS does not show (SO_REUSEADDR of a TIME_WAIT's owner), a holder is
// 'maybe'; a real bind attempt (bind-probe.ts) settles it where the core can try.
import type { BindVerdict, Phrase, PortHolderInfo } from '../../shared/actions-model'
import { formatEndpoint } from '../../shared/endpoint'

export interface BindEnv {
  readonly platform: string
  /** Ports below this need privilege (Linux ip_unprivileged_port_start; 0 = no limit). */
  readonly lowPortLimit: number
  /** Root, or CAP_NET_BIND_SERVICE. */
  readonly canBindLowPorts: boolean
  /** The OS's default IPV6_V6ONLY, for a [::] holder whose flag is unknown. */
  readonly defaultV6only: boolean | null
  /** The OS's ephemeral port range: a TIME_WAIT on such a port was most likely a client's. */
  readonly ephemeral: readonly [number, number]
  /** Set when the table cannot see every socket (another user's, without root). */
  readonly blind: boolean
}

export type Effect = 'blocks' | 'free' | 'maybe'

/**
 * Words in English beside the same words as a phrase (ids under `verdict.` in the renderer's
 * `port` namespace): the CLI prints the text, the renderer translates the phrase.
 * tests/unit/bind-verdict-phrase.test.ts checks that the English locale gives back the text.
 */
export interface Said {
  readonly text: string
  readonly phrase: Phrase
}

/** No words: a param left out (say gives it as ''). */
const NOTHING: Said = { text: '', phrase: { id: '' } }

type Params = Record<string, string | number | Said>

function say(id: string, params: Params, text: string): Said {
  const out: Record<string, string | number | Phrase> = {}
  for (const [k, v] of Object.entries(params))
    out[k] = v === NOTHING ? '' : typeof v === 'object' ? v.phrase : v
  return { text, phrase: { id: `verdict.${id}`, params: out } }
}

export interface HolderEffect {
  readonly holder: PortHolderInfo
  readonly effect: Effect
  readonly reason: string
  readonly phrase: Phrase
}

interface Addr {
  readonly v6: boolean
  readonly any: boolean
  /** Canonical text: v4-mapped v6 addresses as their v4 form. */
  readonly text: string
}

function addr(address: string, family: 'ipv4' | 'ipv6'): Addr {
  if (address === '*') return { v6: family === 'ipv6', any: true, text: '*' }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return { v6: false, any: mapped[1] === '0.0.0.0', text: mapped[1]! }
  const v6 = address.includes(':')
  return { v6, any: address === '0.0.0.0' || address === '::', text: address }
}

export function endpointText(address: string, port: number): string {
  return formatEndpoint({ address, port })
}

/** "node (pid 812)", a TIME_WAIT's last owner, or what little the table knows. */
export function holderName(h: PortHolderInfo): string {
  return holderSaid(h).text
}

function holderSaid(h: PortHolderInfo): Said {
  const o = h.owners[0] ?? h.leftBy?.[0]
  if (o) {
    const process = o.process ?? say('aProcess', {}, 'a process')
    const name = typeof process === 'string' ? process : process.text
    return say('name.process', { process, pid: o.pid }, `${name} (pid ${o.pid})`)
  }
  if (h.uid !== null) {
    const user = h.user ?? `uid ${h.uid}`
    return say('name.user', { user }, `a socket of ${user} (its process unseen)`)
  }
  return say('name.unseen', {}, 'a socket whose owner is unseen')
}

/** Whether the two bindings would share an address, and why (for the sentence). */
function overlap(
  t: Addr,
  h: Addr,
  v6only: boolean | null
): { overlaps: boolean | 'maybe'; why: string } {
  if (!t.v6 && !h.v6) {
    if (t.text === h.text) return { overlaps: true, why: 'same' }
    if (h.any) return { overlaps: true, why: 'holder-any4' }
    if (t.any) return { overlaps: true, why: 'target-any4' }
    return { overlaps: false, why: 'other-address' }
  }
  if (!t.v6 && h.v6) {
    if (!h.any) return { overlaps: false, why: 'other-family' }
    if (v6only === true) return { overlaps: false, why: 'v6only' }
    return { overlaps: v6only === false ? true : 'maybe', why: 'holder-dual' }
  }
  if (t.v6 && !h.v6) {
    // The target [::] is dual-stack, as Node's listen makes it; ::1 and others are not.
    return t.any ? { overlaps: true, why: 'target-dual' } : { overlaps: false, why: 'other-family' }
  }
  if (t.text === h.text || t.any || h.any)
    return { overlaps: true, why: t.text === h.text ? 'same' : 'v6-any' }
  return { overlaps: false, why: 'other-address' }
}

const SHARED: Readonly<Record<string, string>> = {
  'holder-any4': 'holds {at}, which covers every IPv4 address',
  'target-any4': 'holds {at}, and {target} would cover that address too',
  'holder-dual': 'holds {at} in dual-stack mode (v6only off), which takes IPv4 too',
  'target-dual':
    'holds {at}, and [::] in dual-stack mode (as Node listens) takes IPv4 too; listen with ipv6Only to avoid that',
  'v6-any': 'holds {at}, and a wildcard [::] overlaps every IPv6 address',
  same: 'holds {at}'
}

/** How the holder shares the address; a listener "listens on" where others "hold". */
function sharedReason(why: string, name: Said, at: string, target: string, listens: boolean): Said {
  const key = why in SHARED ? why : 'same'
  let text = `${name.text} ${SHARED[key]!.replace('{at}', at).replace('{target}', target)}`
  if (listens) text = text.replace(' holds ', ' listens on ')
  return say(`${listens ? 'listens' : 'holds'}.${key}`, { name, at, target }, text)
}

function freeReason(why: string, name: Said, at: string): Said {
  if (why === 'v6only')
    return say(
      'free.v6only',
      { name, at },
      `${name.text} holds ${at} with v6only, which leaves IPv4 free`
    )
  return say('free.only', { name, at }, `${name.text} holds only ${at}`)
}

function ago(at: number | null, now: number): Said {
  if (at === null) return NOTHING
  const s = Math.max(0, Math.round((now - at) / 1000))
  return say('tw.ago', { s }, ` ${s} s ago`)
}

function until(h: PortHolderInfo, now: number): Said {
  if (h.timeWaitEndsAt === null) return NOTHING
  const s = Math.max(0, Math.round((h.timeWaitEndsAt - now) / 1000))
  return h.timeWaitEndsEstimated
    ? say('tw.untilAbout', { s }, ` for about ${s} s more`)
    : say('tw.until', { s }, ` for ${s} s more`)
}

function timeWaitLeft(h: PortHolderInfo, name: Said, at: string, now: number): Said {
  const closed = h.leftBy
    ? say('tw.closedBy', { name }, `${name.text} closed`)
    : say('tw.closed', {}, 'closed')
  const a = ago(h.closedAt, now)
  const u = until(h, now)
  return say(
    'tw.left',
    { closed, ago: a, at, until: u },
    `a connection ${closed.text}${a.text} is in TIME_WAIT on ${at}${u.text}`
  )
}

/** A TIME_WAIT is a server's when the port has (or had) a listener, else a client's ephemeral. */
function timeWaitSide(
  h: PortHolderInfo,
  all: readonly PortHolderInfo[],
  env: BindEnv
): 'server' | 'client' | null {
  if (all.some((o) => o.role === 'listener' || o.role === 'accepted')) return 'server'
  const [lo, hi] = env.ephemeral
  if (h.localPort < lo || h.localPort > hi) return 'server'
  return h.remotePort !== null && (h.remotePort < lo || h.remotePort > hi) ? 'client' : null
}

/** What one holder does to a bind of `target` on the port, and the words for it. */
export function holderEffect(
  target: string,
  h: PortHolderInfo,
  all: readonly PortHolderInfo[],
  env: BindEnv,
  now: number
): HolderEffect {
  const t = addr(target, target.includes(':') ? 'ipv6' : 'ipv4')
  const a = addr(h.localAddress, h.family)
  const v6only = h.v6only ?? env.defaultV6only
  const { overlaps, why } = overlap(t, a, v6only)
  const name = holderSaid(h)
  const at = endpointText(h.localAddress, h.localPort)
  const tgt = t.v6 ? `[${target}]` : target
  const effect = (e: Effect, reason: Said): HolderEffect => ({
    holder: h,
    effect: e,
    reason: reason.text,
    phrase: reason.phrase
  })
  if (overlaps === false) return effect('free', freeReason(why, name, at))
  const shared = sharedReason(why, name, at, tgt, false)
  const maybeOverlap = overlaps === 'maybe'
  const result = (e: Effect, reason: Said): HolderEffect =>
    effect(
      maybeOverlap && e === 'blocks' ? 'maybe' : e,
      maybeOverlap ? say('ifDualOff', { reason }, `${reason.text} (if its v6only is off)`) : reason
    )
  if (h.protocol === 'udp')
    return result(
      'blocks',
      say(
        'udp',
        { shared },
        `${shared.text}, and a UDP port is shared only when every socket sets SO_REUSEADDR`
      )
    )
  switch (h.role) {
    case 'listener':
      // BSD lets a specific address beside a wildcard when both set SO_REUSEADDR.
      if (env.platform !== 'linux' && why !== 'same')
        return result(
          'maybe',
          say(
            'bsd',
            { shared, platform: env.platform },
            `${shared.text}; ${env.platform} allows that only when both set SO_REUSEADDR`
          )
        )
      return result('blocks', sharedReason(why, name, at, tgt, true))
    case 'time-wait':
      return timeWaitEffect(h, all, env, timeWaitLeft(h, name, at, now), result)
    case 'client': {
      const remote = endpointText(h.remoteAddress ?? '?', h.remotePort ?? 0)
      return result(
        'blocks',
        say(
          'client',
          { name, at, remote },
          `${name.text}'s connection from ${at} to ${remote} uses it as its ephemeral port, and a client's socket does not set SO_REUSEADDR`
        )
      )
    }
    default: {
      const state = h.state ?? say('aBoundSocket', {}, 'a bound socket')
      const stateText = typeof state === 'string' ? state : state.text
      return result(
        'maybe',
        say(
          'other',
          { shared, state },
          `${shared.text} (${stateText}); it blocks unless it set SO_REUSEADDR`
        )
      )
    }
  }
}

function timeWaitEffect(
  h: PortHolderInfo,
  all: readonly PortHolderInfo[],
  env: BindEnv,
  left: Said,
  result: (e: Effect, reason: Said) => HolderEffect
): HolderEffect {
  const side = env.platform === 'linux' ? timeWaitSide(h, all, env) : null
  if (side === 'client')
    return result(
      'blocks',
      say('tw.client', { left }, `${left.text}, and a client's socket does not set SO_REUSEADDR`)
    )
  if (side === 'server')
    return result(
      'free',
      say(
        'tw.server',
        { left },
        `${left.text}, which does not block a listener that sets SO_REUSEADDR, as Node's listen does`
      )
    )
  return result(
    'maybe',
    say(
      'tw.maybe',
      { left },
      `${left.text}; it blocks only if the socket that left it did not set SO_REUSEADDR`
    )
  )
}

const lowPortReason = (env: BindEnv): Said =>
  say(
    'lowPort',
    { limit: env.lowPortLimit },
    `ports below ${env.lowPortLimit} need root or CAP_NET_BIND_SERVICE, and this process has neither`
  )

/**
 * The verdict for `target`. `probe` is what a real bind attempt said (true = bound, false =
 * refused, null = not tried); it settles every 'maybe'.
 */
export function judgeBind(
  target: string,
  port: number,
  holders: readonly PortHolderInfo[],
  env: BindEnv,
  probe: boolean | null,
  now: number
): BindVerdict {
  const where = endpointText(target, port)
  const effects = holders.map((h) => holderEffect(target, h, holders, env, now))
  const blocks = effects.filter((e) => e.effect === 'blocks')
  const maybes = effects.filter((e) => e.effect === 'maybe')
  const lowPort = port > 0 && port < env.lowPortLimit && !env.canBindLowPorts
  const pure = !lowPort && blocks.length === 0 && maybes.length === 0
  const canBind = probe ?? pure
  const make = (because: Said, blockers: readonly HolderEffect[]): BindVerdict => {
    const s = canBind
      ? say('can', { where, because }, `You can bind ${where} now, because ${because.text}.`)
      : say('cannot', { where, because }, `You cannot bind ${where} now, because ${because.text}.`)
    return {
      address: target,
      canBind,
      sentence: s.text,
      phrase: s.phrase,
      blockers: blockers.map((e) => e.holder.rowId)
    }
  }
  if (canBind) {
    const reasons = effects.filter((e) => e.effect !== 'blocks')
    return make(
      reasons.length === 0
        ? say('nothingHolds', { port }, `nothing holds port ${port}`)
        : joinReasons(reasons),
      []
    )
  }
  if (lowPort) return make(lowPortReason(env), [])
  const deciding = blocks.length > 0 ? blocks : maybes
  if (deciding.length > 0) return make(joinReasons(deciding), deciding)
  const unseen = env.blind
    ? say(
        'blind',
        {},
        'a socket this app cannot see holds it (without root the table cannot see other users\u2019 sockets)'
      )
    : say(
        'refused',
        {},
        'the system refused a test bind although no socket the table sees conflicts'
      )
  return make(unseen, [])
}

/** The first two distinct reasons, and how many more. */
function joinReasons(effects: readonly HolderEffect[]): Said {
  const unique = new Map<string, Said>()
  for (const e of effects)
    if (!unique.has(e.reason)) unique.set(e.reason, { text: e.reason, phrase: e.phrase })
  const [a, b] = [...unique.values()]
  const more = unique.size - 2
  if (!b) return a!
  if (more <= 0) return say('join2', { a: a!, b }, `${a!.text}; and ${b.text}`)
  return say('join2more', { a: a!, b, more }, `${a!.text}; and ${b.text}, and ${more} more`)
}
