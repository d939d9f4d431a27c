// The table's quick toggles, beside the filter box: which protocols, which states (just one,
// or all but some), and whether loopback-only sockets are shown. Kept in the settings as
// lists; made into sets once per change here. Pure, so the rules are tested alone.
import type { ConnectionsSettings } from '../../../../shared/connections-settings'
import type { SocketProtocol, TableRow } from '../../../../shared/model'
import { stateKey } from '../../store/state-counts'

export interface Toggles {
  readonly protocols: ReadonlySet<SocketProtocol>
  /** Show only this state (null: every state not hidden). */
  readonly onlyState: string | null
  /** Hidden rather than shown, so a state never seen before shows up. */
  readonly hiddenStates: ReadonlySet<string>
  readonly hideLoopback: boolean
}

export const PROTOCOL_TOGGLES: readonly SocketProtocol[] = ['tcp', 'udp', 'unix']

export const DEFAULT_TOGGLES: Toggles = {
  protocols: new Set(PROTOCOL_TOGGLES),
  onlyState: null,
  hiddenStates: new Set(),
  hideLoopback: false
}

export function togglesOf(
  s: Pick<ConnectionsSettings, 'protocols' | 'states' | 'hideLoopback'>
): Toggles {
  return {
    protocols: new Set(s.protocols),
    onlyState: s.states.only,
    hiddenStates: new Set(s.states.hidden),
    hideLoopback: s.hideLoopback
  }
}

/** A click on a state's chip shows only that state (again: every state); Alt+click hides it. */
export function chipClick(
  states: ConnectionsSettings['states'],
  state: string,
  alt: boolean
): ConnectionsSettings['states'] {
  if (!alt) return { only: states.only === state ? null : state, hidden: [] }
  const hidden = states.hidden.includes(state)
    ? states.hidden.filter((s) => s !== state)
    : [...states.hidden, state]
  return { only: null, hidden }
}

/** Whether a state's chip reads as shown. */
export function stateShown(t: Toggles, state: string): boolean {
  return t.onlyState === null ? !t.hiddenStates.has(state) : t.onlyState === state
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
  if (!stateShown(t, stateKey(r))) return false
  return !(t.hideLoopback && isLoopbackRow(r))
}
