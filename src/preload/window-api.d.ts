import type { InspectorBridge } from '../shared/contract'

declare global {
  interface Window {
    /** Present only inside the Electron window; the browser mode uses the WebSocket instead. */
    readonly inspector?: InspectorBridge
  }
}

export {}
