// Picks the shell: the Electron preload's window.inspector when present, else the
// WebSocket to `socket-inspector serve`. Views never know which one they got.
import type { InspectorApi, Unsubscribe } from '../../../shared/contract'
import type { LinkStatus } from '../../../shared/link-signals'
import { toApi } from './to-api'
import { connectWs, wsUrlFor } from './ws-bridge'

export { CommandError } from './command-error'
export type { LinkStatus } from '../../../shared/link-signals'

/**
 * The transport-level signals a page can show: whether the link to the core is up
 * (status), and whether the core behind it is a new one (restarted: what the page held
 * belonged to a core that died — its sessions ended; resync).
 */
export interface Connection {
  readonly api: InspectorApi
  readonly shell: 'electron' | 'browser'
  status(): LinkStatus
  onStatus(fn: (status: LinkStatus) => void): Unsubscribe
  coreRestarts(): number
  onCoreRestart(fn: () => void): Unsubscribe
}

export function connect(): Connection {
  const desktop = window.inspector
  if (desktop) {
    return {
      api: toApi(desktop),
      shell: 'electron',
      status: () => desktop.linkStatus(),
      onStatus: (fn) => desktop.onLinkStatus(fn),
      coreRestarts: () => desktop.coreRestarts(),
      onCoreRestart: (fn) => desktop.onCoreRestart(fn)
    }
  }
  const link = connectWs(wsUrlFor(window.location))
  return {
    api: toApi(link.bridge),
    shell: 'browser',
    status: link.status,
    onStatus: link.onStatus,
    coreRestarts: link.coreRestarts,
    onCoreRestart: link.onCoreRestart
  }
}
