// The wire protocol over a MessagePort (Electron's MessagePortMain, in the core host). A
// port cannot tell how much the page has not read yet, so the page acknowledges what it
// has read (PEER_ACK_EVERY_BYTES) and the link counts the difference.
import type { PeerLink } from '../wire-peer'

/** The part of Electron's MessagePortMain the link uses (no Electron import in the core). */
export interface PortLike {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { readonly data: unknown }) => void): unknown
  on(event: 'close', listener: () => void): unknown
  start(): void
  close(): void
}

export function messagePortLink(port: PortLike): PeerLink {
  let sent = 0
  let acked = 0
  return {
    write: (text, done) => {
      port.postMessage(text)
      sent += text.length
      done()
    },
    unreadBytes: () => sent - acked,
    acked: (total) => {
      acked = Math.min(Math.max(acked, total), sent)
    },
    close: () => port.close()
  }
}
