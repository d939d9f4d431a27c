// The table's quick toggles, beside the filter box: which protocols, which states are
// hidden, and whether loopback-only sockets are shown. Pure, so the rules are tested alone.
import type { SocketProtocol, TableRow } from '../../../../shared/model'
import { stateKey } from '../../store/state-counts'

export interface Toggles {
  readonly protocols: ReadonlySet<SocketProtocol>
  /** Hidden rather than shown, so a state never seen before shows up. */
  readonly hiddenStates: ReadonlySet<string>
  readonly hideLoopback: boolean
}

export const PROTOCOL_TOGGLES: readonly SocketProtocol[] = ['tcp', 'udp', 'unix']

export const DEFAULT_TOGGLES: Toggles = {
  protocols: new Set(PROTOCOL_TOGGLES),
  hiddenStates: new Set(),
  hideLoopback: false
}

export function isLoopback(address: string | null): boolean {
  if (address === null) return false
  const a = address.toLowerCase()
  return a === '::1' || a.startsWith('127.') || a.startsWith('::ffff:127.') || a === 'localhost'
}

/** A socket whose ends are both on loopback (or that listens only there). */
export function isLoopbackRow(r: TableRow): boolean {
  if (r.protocol === 'unix' || !isLoopback(r.localAddress)) return false
  return r.remoteAddress === null || r.remoteAddress === '*' || isLoopback(r.remoteAddress)
}

export function passesToggles(r: TableRow, t: Toggles): boolean {
  if (!t.protocols.has(r.protocol)) return false
  if (t.hiddenStates.has(stateKey(r))) return false
  return !(t.hideLoopback && isLoopbackRow(r))
}
