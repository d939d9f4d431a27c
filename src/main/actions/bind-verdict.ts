// "Can I bind ADDRESS:PORT now?" as pure logic over the port's holders. The rules are
// Linux's (inet_csk_bind_conflict, ipv6_rcv_saddr_equal) for a listener made the way Node's
// `listen` makes one: SO_REUSEADDR on, and `::` dual-stack. Where the answer depends on what
// a holder set and the OS does not show (SO_REUSEADDR of a TIME_WAIT's owner), a holder is
// 'maybe'; a real bind attempt (bind-probe.ts) settles it where the core can try.
import type { BindVerdict, PortHolderInfo } from '../../shared/actions-model'
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

export interface HolderEffect {
  readonly holder: PortHolderInfo
  readonly effect: Effect
  readonly reason: string
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
  const o = h.owners[0] ?? h.leftBy?.[0]
  if (o) return `${o.process ?? 'a process'} (pid ${o.pid})`
  if (h.uid !== null) return `a socket of ${h.user ?? `uid ${h.uid}`} (its process unseen)`
  return 'a socket whose owner is unseen'
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

function sharedReason(why: string, name: string, at: string, target: string): string {
  switch (why) {
    case 'holder-any4':
      return `${name} holds ${at}, which covers every IPv4 address`
    case 'target-any4':
      return `${name} holds ${at}, and ${target} would cover that address too`
    case 'holder-dual':
      return `${name} holds ${at} in dual-stack mode (v6only off), which takes IPv4 too`
    case 'target-dual':
      return `${name} holds ${at}, and [::] in dual-stack mode (as Node listens) takes IPv4 too; listen with ipv6Only to avoid that`
    case 'v6-any':
      return `${name} holds ${at}, and a wildcard [::] overlaps every IPv6 address`
    default:
      return `${name} holds ${at}`
  }
}

function freeReason(why: string, name: string, at: string): string {
  if (why === 'v6only') return `${name} holds ${at} with v6only, which leaves IPv4 free`
  return `${name} holds only ${at}`
}

function ago(at: number | null, now: number): string {
  return at === null ? '' : ` ${Math.max(0, Math.round((now - at) / 1000))} s ago`
}

function until(h: PortHolderInfo, now: number): string {
  if (h.timeWaitEndsAt === null) return ''
  const left = Math.max(0, Math.round((h.timeWaitEndsAt - now) / 1000))
  return ` for ${h.timeWaitEndsEstimated ? 'about ' : ''}${left} s more`
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
  const name = holderName(h)
  const at = endpointText(h.localAddress, h.localPort)
  const tgt = t.v6 ? `[${target}]` : target
  if (overlaps === false) return { holder: h, effect: 'free', reason: freeReason(why, name, at) }
  const shared = sharedReason(why, name, at, tgt)
  const maybeOverlap = overlaps === 'maybe'
  const result = (effect: Effect, reason: string): HolderEffect => ({
    holder: h,
    effect: maybeOverlap && effect === 'blocks' ? 'maybe' : effect,
    reason: maybeOverlap ? `${reason} (if its v6only is off)` : reason
  })
  if (h.protocol === 'udp')
    return result(
      'blocks',
      `${shared}, and a UDP port is shared only when every socket sets SO_REUSEADDR`
    )
  switch (h.role) {
    case 'listener':
      // BSD lets a specific address beside a wildcard when both set SO_REUSEADDR.
      if (env.platform !== 'linux' && why !== 'same')
        return result(
          'maybe',
          `${shared}; ${env.platform} allows that only when both set SO_REUSEADDR`
        )
      return result('blocks', shared.replace(' holds ', ' listens on '))
    case 'time-wait': {
      const left = `a connection ${h.leftBy ? `${name} closed` : 'closed'}${ago(h.closedAt, now)} is in TIME_WAIT on ${at}${until(h, now)}`
      const side = env.platform === 'linux' ? timeWaitSide(h, all, env) : null
      if (side === 'client')
        return result('blocks', `${left}, and a client's socket does not set SO_REUSEADDR`)
      if (side === 'server')
        return result(
          'free',
          `${left}, which does not block a listener that sets SO_REUSEADDR, as Node's listen does`
        )
      return result(
        'maybe',
        `${left}; it blocks only if the socket that left it did not set SO_REUSEADDR`
      )
    }
    case 'client':
      return result(
        'blocks',
        `${name}'s connection from ${at} to ${endpointText(h.remoteAddress ?? '?', h.remotePort ?? 0)} uses it as its ephemeral port, and a client's socket does not set SO_REUSEADDR`
      )
    default:
      return result(
        'maybe',
        `${shared} (${h.state ?? 'a bound socket'}); it blocks unless it set SO_REUSEADDR`
      )
  }
}

const lowPortReason = (env: BindEnv): string =>
  `ports below ${env.lowPortLimit} need root or CAP_NET_BIND_SERVICE, and this process has neither`

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
  const make = (sentence: string, blockers: readonly HolderEffect[]): BindVerdict => ({
    address: target,
    canBind,
    sentence,
    blockers: blockers.map((e) => e.holder.rowId)
  })
  if (canBind) {
    const reasons = effects.filter((e) => e.effect !== 'blocks').map((e) => e.reason)
    const because = reasons.length === 0 ? `nothing holds port ${port}` : joinReasons(reasons)
    return make(`You can bind ${where} now, because ${because}.`, [])
  }
  if (lowPort) return make(`You cannot bind ${where} now, because ${lowPortReason(env)}.`, [])
  const deciding = blocks.length > 0 ? blocks : maybes
  if (deciding.length > 0)
    return make(
      `You cannot bind ${where} now, because ${joinReasons(deciding.map((e) => e.reason))}.`,
      deciding
    )
  const unseen = env.blind
    ? 'a socket this app cannot see holds it (without root the table cannot see other users\u2019 sockets)'
    : 'the system refused a test bind although no socket the table sees conflicts'
  return make(`You cannot bind ${where} now, because ${unseen}.`, [])
}

function joinReasons(reasons: readonly string[]): string {
  const unique = [...new Set(reasons)]
  const more = unique.length > 2 ? `, and ${unique.length - 2} more` : ''
  return unique.slice(0, 2).join('; and ') + more
}
