import type { InspectorBridge, Unsubscribe } from '../shared/contract'
import type { LinkStatus } from '../shared/link-signals'

/** What the preload exposes as window.inspector: named methods only. */
export type DesktopBridge = InspectorBridge & {
  linkStatus(): LinkStatus
  onLinkStatus(fn: (status: LinkStatus) => void): Unsubscribe
  /** How many times main restarted the core since this page loaded. */
  coreRestarts(): number
  onCoreRestart(fn: () => void): Unsubscribe
}

declare global {
  interface Window {
    /** Present only inside the Electron window; the browser mode uses the WebSocket instead. */
    readonly inspector?: DesktopBridge
  }
}

export {}
