// Picks the shell: the Electron preload's window.inspector when present, else the
// WebSocket to `socket-inspector serve`. Views never know which one they got.
import type { InspectorApi, Unsubscribe } from '../../../shared/contract'
import { toApi } from './to-api'
import type { LinkStatus } from './ws-bridge'
import { connectWs, wsUrlFor } from './ws-bridge'

export { CommandError } from './command-error'
export type { LinkStatus } from './ws-bridge'

export interface Connection {
  readonly api: InspectorApi
  readonly shell: 'electron' | 'browser'
  status(): LinkStatus
  onStatus(fn: (status: LinkStatus) => void): Unsubscribe
}

export function connect(): Connection {
  if (window.inspector) {
    return {
      api: toApi(window.inspector),
      shell: 'electron',
      status: () => 'open',
      onStatus: () => () => undefined
    }
  }
  const link = connectWs(wsUrlFor(window.location))
  return { api: toApi(link.bridge), shell: 'browser', status: link.status, onStatus: link.onStatus }
}
