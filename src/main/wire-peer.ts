// The one generic binding of the wire protocol (src/shared/wire.ts) to the core: one
// WirePeer per connected client, whatever carries its text (WebSocket, MessagePort, Node
// IPC). It validates what comes in, runs commands through dispatch, forwards subscribed
// events, and holds every client to the same bounds: unread bytes, calls in flight, and a
// failed write closes the client instead of being lost silently.
import type { EventName } from '../shared/contract'
import type { InspectorError } from '../shared/model'
import type { ServerMessage } from '../shared/wire'
import {
  PEER_HARD_BUFFER_BYTES,
  PEER_MAX_CALLS_IN_FLIGHT,
  PEER_SOFT_BUFFER_BYTES,
  WS_CLOSE_BAD_MESSAGE,
  WS_CLOSE_TOO_SLOW,
  WS_CLOSE_WRITE_FAILED
} from '../shared/wire'
import { dispatch, Subscriptions } from './dispatch'
import { parseClientMessage } from './headless/client-message'
import type { Inspector } from './inspector'

/** What a transport gives the binding: a way to write text, and how much is still unread. */
export interface PeerLink {
  /** Hands one message's text to the transport; `done` gets the write's error, if any. */
  write(text: string, done: (err?: Error | null) => void): void
  /** Bytes written to this link that the client has not taken yet, as far as the link knows. */
  unreadBytes(): number
  /** The client says it has read `total` bytes in all (links that count on acks). */
  acked?(total: number): void
  close(code: number, reason: string): void
}

export interface PeerLimits {
  readonly softBytes: number
  readonly hardBytes: number
  readonly maxCallsInFlight: number
}

export const DEFAULT_PEER_LIMITS: PeerLimits = {
  softBytes: PEER_SOFT_BUFFER_BYTES,
  hardBytes: PEER_HARD_BUFFER_BYTES,
  maxCallsInFlight: PEER_MAX_CALLS_IN_FLIGHT
}

export interface PeerStats {
  readonly unreadBytes: number
  /** The most unread bytes seen right after a write. */
  readonly peakUnreadBytes: number
  /** table:diff events not sent because the client was behind (it refetches a snapshot). */
  readonly droppedDiffs: number
  /** Calls answered EBUSY because too many were already waiting. */
  readonly busyRefusals: number
  readonly callsInFlight: number
  /** Calls answered in all (including EBUSY refusals). */
  readonly callsAnswered: number
  /** Why the core closed this client, if it did. */
  readonly closedFor: string | null
}

const BUSY: InspectorError = {
  code: 'EBUSY',
  message: `Too many commands at once: one connection may have at most ${PEER_MAX_CALLS_IN_FLIGHT} waiting for an answer.`,
  hint: 'Wait for the earlier commands to answer, then send more.'
}

export class WirePeer {
  private readonly subs: Subscriptions
  private inFlight = 0
  private answered = 0
  private peak = 0
  private dropped = 0
  private busy = 0
  private dropping = false
  private closedFor: string | null = null
  private gone = false

  constructor(
    private readonly inspector: Inspector,
    private readonly link: PeerLink,
    private readonly name: string,
    private readonly limits: PeerLimits = DEFAULT_PEER_LIMITS
  ) {
    this.subs = new Subscriptions(inspector, (event, payload) =>
      this.post({ t: 'event', name: event, payload } as ServerMessage)
    )
    this.post({ t: 'hello', core: coreIdOf(inspector) })
  }

  /** One message's text from the client; anything that is not a message closes it. */
  receive(text: unknown): void {
    if (this.gone) return
    const message = parseClientMessage(text)
    if (!message) return this.shut(WS_CLOSE_BAD_MESSAGE, 'bad message')
    switch (message.t) {
      case 'call':
        return this.call(message.id, message.name, message.args)
      case 'ack':
        this.link.acked?.(message.bytes)
        return
      default:
        try {
          if (message.t === 'sub') this.subs.subscribe(message.name)
          else this.subs.unsubscribe(message.name)
        } catch {
          this.shut(WS_CLOSE_BAD_MESSAGE, 'unknown event')
        }
    }
  }

  /** The transport is gone: drop the subscriptions; answers still running are discarded. */
  dispose(): void {
    this.gone = true
    this.subs.close()
  }

  stats(): PeerStats {
    return {
      unreadBytes: this.link.unreadBytes(),
      peakUnreadBytes: this.peak,
      droppedDiffs: this.dropped,
      busyRefusals: this.busy,
      callsInFlight: this.inFlight,
      callsAnswered: this.answered,
      closedFor: this.closedFor
    }
  }

  private call(id: number, name: string, args: unknown[]): void {
    if (this.inFlight >= this.limits.maxCallsInFlight) {
      this.busy++
      this.answered++
      return this.post({ t: 'result', id, result: { ok: false, error: BUSY } })
    }
    this.inFlight++
    void dispatch(this.inspector, name, args).then((result) => {
      this.inFlight--
      this.answered++
      this.post({ t: 'result', id, result })
    })
  }

  private post(message: ServerMessage): void {
    if (this.gone) return
    const unread = this.link.unreadBytes()
    if (message.t === 'event' && isDiff(message.name) && unread > this.limits.softBytes) {
      this.dropped++
      if (!this.dropping) console.warn(`${this.name} reads too slowly: holding table:diff back`)
      this.dropping = true
      return
    }
    this.dropping = false
    const text = JSON.stringify(message)
    // A reply bigger than the bound on its own still goes to a client that has read everything.
    if (unread > 0 && unread + text.length > this.limits.hardBytes) {
      return this.shut(WS_CLOSE_TOO_SLOW, `too slow: over ${this.limits.hardBytes} bytes unread`)
    }
    try {
      this.link.write(text, (err) => {
        if (err) this.failed(err)
      })
    } catch (err) {
      return this.failed(err)
    }
    this.peak = Math.max(this.peak, this.link.unreadBytes())
  }

  private failed(err: unknown): void {
    if (this.gone) return
    const why = (err as NodeJS.ErrnoException | null)?.code ?? String(err)
    console.warn(`${this.name}: a write failed (${why}); closing that client`)
    this.shut(WS_CLOSE_WRITE_FAILED, `write failed: ${why}`.slice(0, 120))
  }

  private shut(code: number, reason: string): void {
    if (this.gone) return
    this.closedFor = reason
    this.dispose()
    try {
      this.link.close(code, reason)
    } catch {
      // Already closed by the other side; nothing more to release.
    }
  }
}

const coreIds = new WeakMap<Inspector, string>()
let coresMade = 0

/** One id per core (process and Inspector), so a client can tell a restarted core apart. */
function coreIdOf(inspector: Inspector): string {
  let id = coreIds.get(inspector)
  if (!id) {
    id = `${process.pid}.${++coresMade}.${Date.now()}`
    coreIds.set(inspector, id)
  }
  return id
}

function isDiff(name: EventName): boolean {
  return name === 'table:diff'
}
