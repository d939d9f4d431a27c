// What the actions room (close a socket, stop a process, who holds a port) takes and answers.
// Plain, read-only data; nothing here imports Node, Electron or the DOM.
import type { Endpoint, ListenerId, SessionId, SocketOwner, SocketProtocol } from './model'
import type { Said } from './said'

/** Graceful: FIN after what is queued; reset: RST now. Foreign sockets are always reset. */
export type CloseMode = 'graceful' | 'reset'

export interface CloseRequest {
  readonly protocol: SocketProtocol
  readonly local: Endpoint
  readonly remote: Endpoint
  /** Default 'graceful' for the app's own sockets; a foreign socket can only be reset. */
  readonly mode?: CloseMode
  /** The app's own session on this socket, when the table row says so (Unix sockets need it). */
  readonly sessionId?: SessionId
}

/**
 * How the socket was closed: through the app's own handle, by the kernel (SOCK_DESTROY), or
 * by Windows (SetTcpEntry).
 */
export type CloseHow = 'app-graceful' | 'app-reset' | 'sock-destroy' | 'tcp-entry'

export interface CloseResult {
  readonly how: CloseHow
  /** The app's own session, when the socket was one. */
  readonly sessionId: SessionId | null
  /** The sentence in English (CLI, logs). */
  readonly message: string
  /** The same sentence as an id and params, for the renderer to say in the user's language. */
  readonly said: Said
}

export interface StopRequest {
  readonly pid: number
  /** SIGKILL (Windows: taskkill /F) instead of SIGTERM; the UI asks a second time first. */
  readonly force?: boolean
  /** The user confirmed that the process belongs to another user. */
  readonly otherUser?: boolean
  /** How long to wait for the process to exit before saying it still runs. */
  readonly waitMs?: number
}

export type StopOutcome = 'exited' | 'running'

export interface StopResult {
  readonly pid: number
  readonly process: string | null
  /** What was sent: SIGTERM, SIGKILL, or taskkill's graceful or /F form on Windows. */
  readonly signal: 'SIGTERM' | 'SIGKILL' | 'taskkill' | 'taskkill /F'
  readonly outcome: StopOutcome
  readonly waitedMs: number
  /** The sentence in English (CLI, logs). */
  readonly message: string
  /** The same sentence as an id and params, for the renderer to say in the user's language. */
  readonly said: Said
}

/** Per-OS limits and defaults of process:stop. */
export const STOP_WAIT_MS = { default: 3_000, max: 30_000 } as const

/** How a holder uses the port. */
export type HolderRole = 'listener' | 'bound' | 'accepted' | 'client' | 'time-wait'

/** One socket on the asked-about port, with all the port view shows of it. */
export interface PortHolderInfo {
  /** The table row's id, to select it or act on it. */
  readonly rowId: string
  readonly protocol: SocketProtocol
  readonly family: 'ipv4' | 'ipv6'
  readonly localAddress: string
  readonly localPort: number
  readonly remoteAddress: string | null
  readonly remotePort: number | null
  readonly state: string | null
  readonly role: HolderRole
  /** IPV6_V6ONLY of a [::] socket, where the OS says (Linux sock_diag); null = unknown. */
  readonly v6only: boolean | null
  readonly uid: number | null
  readonly user: string | null
  readonly owners: readonly SocketOwner[]
  /** The first owner's command line, for "copy command line". */
  readonly commandLine: string | null
  /** For an orphaned socket (TIME_WAIT): who held it last, as the table saw. */
  readonly leftBy: readonly SocketOwner[] | null
  /** When the table saw it enter TIME_WAIT (or lose its owner). */
  readonly closedAt: number | null
  /** When TIME_WAIT ends: the kernel's timer where read, else an estimate. */
  readonly timeWaitEndsAt: number | null
  readonly timeWaitEndsEstimated: boolean
  readonly sessionId: SessionId | null
  readonly listenerId: ListenerId | null
}

/**
 * A sentence as a message id (a key of the renderer's `port` namespace) and its params, for
 * the renderer to say in the user's language; a param may itself be a phrase.
 */
export interface Phrase {
  readonly id: string
  readonly params?: Readonly<Record<string, string | number | Phrase>>
}

/** Whether an address can be bound on the port now, in one sentence. */
export interface BindVerdict {
  readonly address: string
  readonly canBind: boolean
  /** The sentence in English (CLI, logs). */
  readonly sentence: string
  /** The same sentence as a phrase, for the renderer to translate. */
  readonly phrase: Phrase
  /** rowIds of the holders that block it. */
  readonly blockers: readonly string[]
}

export interface PortQuery {
  readonly port: number
  readonly protocol?: 'tcp' | 'udp'
  /** The address the user wants to bind (default 127.0.0.1); verdicts also cover 0.0.0.0 and ::. */
  readonly address?: string
}

export interface PortReport {
  readonly port: number
  readonly protocol: 'tcp' | 'udp'
  readonly holders: readonly PortHolderInfo[]
  /** The asked address first, then 127.0.0.1, 0.0.0.0 and :: (each once). */
  readonly verdicts: readonly BindVerdict[]
  /** What the table could not see (other users' sockets without root). */
  readonly blind: readonly string[]
  /** The notes of `blind` that have words in the renderer, by their English text. */
  readonly blindSaid?: Readonly<Record<string, Said>>
  readonly at: number
}

export interface FreePortQuery {
  readonly near: number
  readonly protocol?: 'tcp' | 'udp'
  readonly address?: string
}

/** How far from the asked port "find a free port near" looks, each way. */
export const FREE_PORT_SPAN = 100

/** Addresses every port report judges, besides the one asked. */
export const VERDICT_ADDRESSES = ['127.0.0.1', '0.0.0.0', '::'] as const
