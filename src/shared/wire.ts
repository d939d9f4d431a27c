// The one message protocol between the core and a face: call / result / sub / unsub / event,
// as JSON text. Three transports carry the same text: the headless WebSocket, the desktop
// app's MessagePort (core host ⇄ preload), and Node's IPC channel when a test forks the core
// host. Both ends import this; the core validates every incoming message
// (headless/client-message.ts) before acting on it.
import type { Said } from './said'
import type { Settings } from './settings-schema'
import type { EventName, Events, WireResult } from './contract'

export const WS_PATH = '/ws'
/** Close code for a WebSocket that came without the right token (4000–4999 are the app's). */
export const WS_CLOSE_UNAUTHORIZED = 4401
export const WS_CLOSE_BAD_MESSAGE = 4400
/** A client that left more than PEER_HARD_BUFFER_BYTES unread is closed with this code. */
export const WS_CLOSE_TOO_SLOW = 4429
/** The core could not write to a client (e.g. ENOBUFS); the client reconnects. */
export const WS_CLOSE_WRITE_FAILED = 4500
/** Large enough for any command's arguments; a snapshot only ever flows the other way. */
export const WS_MAX_INCOMING_BYTES = 1024 * 1024

/**
 * Per-client bounds, the same on every transport (core/wire-peer.ts applies them).
 * Past the soft limit of unread bytes the core stops sending `table:diff` to that client
 * (it sees a seq gap and fetches a snapshot once it catches up); past the hard limit the
 * client is closed before a write would take it past. (Only a single reply larger than the
 * hard limit, sent to a client that has read everything, goes past it.)
 */
export const PEER_SOFT_BUFFER_BYTES = 4 * 1024 * 1024
export const PEER_HARD_BUFFER_BYTES = 32 * 1024 * 1024
/** Commands one client may have waiting for an answer; more are answered with EBUSY. */
export const PEER_MAX_CALLS_IN_FLIGHT = 32
/**
 * Transports that cannot report unread bytes themselves (a MessagePort) count what they
 * sent, and the client acknowledges what it has read every this many bytes.
 */
export const PEER_ACK_EVERY_BYTES = 256 * 1024

export type ClientMessage =
  | { readonly t: 'call'; readonly id: number; readonly name: string; readonly args: unknown[] }
  | { readonly t: 'sub'; readonly name: string }
  | { readonly t: 'unsub'; readonly name: string }
  /** "I have read this many bytes in all" (MessagePort only). */
  | { readonly t: 'ack'; readonly bytes: number }

export type ServerMessage =
  /**
   * The first message on every link: which core this is. A client that reconnects and meets
   * another core knows that what it held (sessions, servers, the table) died with the old one.
   */
  | { readonly t: 'hello'; readonly core: string }
  | { readonly t: 'result'; readonly id: number; readonly result: WireResult<unknown> }
  | {
      readonly [E in EventName]: {
        readonly t: 'event'
        readonly name: E
        readonly payload: Events[E]
      }
    }[EventName]

/**
 * Messages between Electron main (or a test) and the core host process itself, beside the
 * wire text above: objects, never strings, so the two cannot be confused.
 */
export type HostControl =
  /** The host has its core and takes ports / wire text. */
  | { readonly t: 'host:ready'; readonly pid: number }
  /** Main → host: close every socket the core owns, then exit. */
  | { readonly t: 'host:quit' }
  /** Main → host: the MessagePort that comes with this message is a new page's link. */
  | { readonly t: 'host:port' }
  /** Main → host: the user picked this recording (File → Open, or a file given to the app). */
  | { readonly t: 'host:open-recording'; readonly path: string }
  /** Host → main: the app's language setting, at start and when it changes (the menu's). */
  | { readonly t: 'host:language'; readonly language: Settings['language'] }
  /**
   * Host → main: an alert fired and the user wants desktop notifications; main shows it,
   * in the app's language (`said`; `body` is the English).
   */
  | { readonly t: 'host:alert'; readonly body: string; readonly said?: Said }
