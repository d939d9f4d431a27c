// The headless shell's WebSocket messages. Both ends import this; the server validates
// every incoming message (headless/client-message.ts) before acting on it.
import type { EventName, Events, WireResult } from './contract'

export const WS_PATH = '/ws'
/** Close code for a WebSocket that came without the right token (4000–4999 are the app's). */
export const WS_CLOSE_UNAUTHORIZED = 4401
export const WS_CLOSE_BAD_MESSAGE = 4400
/** Large enough for any command's arguments; a snapshot only ever flows the other way. */
export const WS_MAX_INCOMING_BYTES = 1024 * 1024

export type ClientMessage =
  | { readonly t: 'call'; readonly id: number; readonly name: string; readonly args: unknown[] }
  | { readonly t: 'sub'; readonly name: string }
  | { readonly t: 'unsub'; readonly name: string }

export type ServerMessage =
  | { readonly t: 'result'; readonly id: number; readonly result: WireResult<unknown> }
  | {
      readonly [E in EventName]: {
        readonly t: 'event'
        readonly name: E
        readonly payload: Events[E]
      }
    }[EventName]
