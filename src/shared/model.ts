// Plain, read-only data that crosses every boundary (IPC, WebSocket, CLI --json).
// Nothing here imports Node, Electron or the DOM.

import type { Said } from './said'

/** Every table source the app knows; which of them a machine has is the core's to say. */
export const TABLE_SOURCE_IDS = ['procfs', 'netlink', 'lsof', 'ss', 'netstat'] as const
export type TableSourceId = (typeof TABLE_SOURCE_IDS)[number]

export interface TableSourceInfo {
  readonly id: TableSourceId
  /** True when this machine can run the source now. */
  readonly available: boolean
  /** What was found (a tool's path, a kernel file) or why it cannot run. */
  readonly detail: string
}

/** Which face the core is running behind. */
export type ShellKind = 'electron' | 'headless' | 'cli' | 'test'

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly shell: ShellKind
  readonly platform: string
  readonly arch: string
  readonly osRelease: string
  readonly hostname: string
  readonly pid: number
  readonly uid: number | null
  readonly versions: {
    readonly node: string
    readonly electron: string | null
    readonly chrome: string | null
    readonly v8: string
  }
  readonly sources: readonly TableSourceInfo[]
  readonly startedAt: number
  /** What went wrong while the core started (a settings file it could not read). */
  readonly notices: readonly Notice[]
}

export type NoticeLevel = 'info' | 'warning' | 'error'

/** Something the user should know that is not the answer to a command. */
export interface Notice {
  readonly level: NoticeLevel
  readonly code: string
  readonly message: string
  readonly hint?: string
  readonly at: number
}

/** How every failure crosses a boundary: a code, a sentence, and what to do about it. */
export interface InspectorError {
  readonly code: string
  /** English, always: the fallback, the CLI's text and what tests match. */
  readonly message: string
  readonly hint?: string
  /** A message id (src/shared/error-ids.ts) the renderer shows in the user's language. */
  readonly id?: string
  /** The values the sentence names (a port, a path, a holder), for the translation. */
  readonly params?: Readonly<Record<string, string | number>>
}

// ── Echo servers, clients and their sessions ─────────────────────────────────────────────

export type EchoProtocol = 'tcp' | 'udp' | 'unix'
export type AddressFamily = 'ipv4' | 'ipv6' | 'unix'
export type ListenerId = string
export type SessionId = string

export interface TcpListenerSpec {
  readonly protocol: 'tcp'
  /** The address to bind (default 127.0.0.1). */
  readonly host?: string
  /** 0 or absent = any free port; the real one is reported. */
  readonly port?: number
  /** The kernel's accept queue length. */
  readonly backlog?: number
  /** Sent to every client on accept; escapes \n \r \t \xNN are understood. */
  readonly greeting?: string
  /** Speak TLS: with the user's certificate and key, or a self-signed one made on first use. */
  readonly tls?: TlsServerSpec
}

export interface TlsServerSpec {
  /** PEM files on the core's machine; both or neither (then the app's own self-signed one). */
  readonly certPath?: string
  readonly keyPath?: string
}

export interface TlsClientSpec {
  /** Check the server's certificate against the system's trusted CAs (default true). */
  readonly verify?: boolean
  /** The name sent in the handshake (SNI); default the host when it is a name. */
  readonly servername?: string
  /** Protocols offered by ALPN, most wanted first ("h2", "http/1.1"). */
  readonly alpn?: readonly string[]
}

/** What a TLS session agreed on, and who the certificates name. */
export interface TlsInfo {
  readonly version: string | null
  readonly cipher: string | null
  readonly alpn: string | null
  readonly servername: string | null
  readonly peerSubject: string | null
  /** As the certificate says it ("Nov 30 19:00:00 2027 GMT"). */
  readonly peerValidTo: string | null
  readonly localSubject: string | null
  readonly localValidTo: string | null
  /** Client side: whether the peer's certificate was trusted, and why not. */
  readonly authorized: boolean | null
  readonly authorizationError: string | null
}

/** A running (or finished) repeated send of one client. */
export interface SendProgress {
  readonly sent: number
  readonly total: number
  readonly bytesPerSend: number
  readonly intervalMs: number
  readonly state: 'running' | 'done' | 'stopped'
  readonly startedAt: number
}

export interface UdpListenerSpec {
  readonly protocol: 'udp'
  readonly host?: string
  readonly port?: number
  /** A peer silent this long ends its session (default 30 s). */
  readonly idleTimeoutMs?: number
}

export interface UnixListenerSpec {
  readonly protocol: 'unix'
  /** The socket file (a named pipe name on Windows). */
  readonly path: string
  readonly backlog?: number
  readonly greeting?: string
}

export type ListenerSpec = TcpListenerSpec | UdpListenerSpec | UnixListenerSpec

/** 'removed' is a server's last update: it is gone from the list. */
export type ListenerState = 'listening' | 'stopped' | 'error' | 'removed'

export interface Listener {
  readonly id: ListenerId
  readonly protocol: EchoProtocol
  readonly family: AddressFamily
  /** Bound address (tcp/udp) or socket path (unix). */
  readonly host: string
  readonly port: number | null
  readonly path: string | null
  readonly fd: number | null
  readonly backlog: number | null
  readonly greeting: string | null
  readonly idleTimeoutMs: number | null
  readonly state: ListenerState
  readonly error: InspectorError | null
  readonly sessionsOpen: number
  readonly sessionsTotal: number
  readonly bytesIn: number
  readonly bytesOut: number
  readonly startedAt: number
  readonly stoppedAt: number | null
  /** Set for a TLS server: its certificate's subject and expiry, and whose it is. */
  readonly tls?: {
    readonly subject: string | null
    readonly validTo: string | null
    readonly selfSigned: boolean
  } | null
}

export type SessionRole = 'accepted' | 'peer' | 'client'
export type SessionState = 'connecting' | 'open' | 'half-closed' | 'closed' | 'error'
export type CloseReason =
  'end' | 'reset' | 'error' | 'server-stopped' | 'idle' | 'closed' | 'app-quit'

export interface Endpoint {
  /** An IP address, or a socket path ('' for an unnamed Unix socket). */
  readonly address: string
  readonly port: number | null
}

export interface Session {
  readonly id: SessionId
  readonly role: SessionRole
  readonly protocol: EchoProtocol
  readonly family: AddressFamily
  readonly listenerId: ListenerId | null
  readonly local: Endpoint
  readonly remote: Endpoint
  readonly fd: number | null
  readonly state: SessionState
  /** Bytes this app's socket received and sent. */
  readonly bytesIn: number
  readonly bytesOut: number
  /** Reads and writes (TCP/Unix) or datagrams (UDP). */
  readonly chunksIn: number
  readonly chunksOut: number
  readonly openedAt: number
  readonly closedAt: number | null
  readonly closeReason: CloseReason | null
  readonly error: InspectorError | null
  /** Bytes the traffic log has let go of to stay within its bounds. */
  readonly trafficDroppedBytes: number
  /** The kernel's view of this session's socket, as last read; null until read. */
  readonly kernel: KernelView | null
  /**
   * TLS sessions: what the handshake agreed. bytesIn/bytesOut are then plaintext, and the
   * kernel's TCP_INFO bytes are the encrypted ones on the wire.
   */
  readonly tls?: TlsInfo | null
  /** A client's current or last repeated send. */
  readonly sending?: SendProgress | null
}

/** What the kernel says of one socket, beside the app's own counters. */
export interface KernelView {
  readonly state: string | null
  readonly sendQueue: number | null
  readonly recvQueue: number | null
  readonly inode: number | null
  readonly tcpInfo: TcpInfo | null
  /** When it was read. */
  readonly at: number
  /** netlink/procfs/… for a table poll, getsockopt for a direct read of the session's fd. */
  readonly via: TableSourceId | 'getsockopt'
}

export type ClientSpec =
  | {
      readonly protocol: 'tcp'
      readonly host?: string
      readonly port: number
      readonly timeoutMs?: number
      /** Speak TLS to the server. */
      readonly tls?: TlsClientSpec
    }
  | {
      readonly protocol: 'udp'
      readonly host?: string
      readonly port: number
      readonly timeoutMs?: number
    }
  | { readonly protocol: 'unix'; readonly path: string; readonly timeoutMs?: number }

export type PayloadEncoding = 'text' | 'hex'

export interface SendSpec {
  readonly data: string
  readonly encoding: PayloadEncoding
  /** Send the payload this many times (default 1). */
  readonly repeat?: number
  /** Between repeats (default 0). */
  readonly intervalMs?: number
}

export interface SendReceipt {
  readonly sessionId: SessionId
  readonly bytesPerSend: number
  readonly repeat: number
}

export type Direction = 'in' | 'out'

export interface TrafficChunk {
  readonly seq: number
  readonly at: number
  readonly dir: Direction
  /** The bytes, base64-encoded so they survive JSON. */
  readonly data: string
}

export interface TrafficRange {
  readonly fromSeq?: number
  readonly limit?: number
  /** The newest `limit` chunks instead of the oldest from fromSeq: a view's first page. */
  readonly newest?: boolean
}

export interface TrafficPage {
  readonly sessionId: SessionId
  readonly chunks: readonly TrafficChunk[]
  /** The seq to ask for next; equal to fromSeq when nothing newer exists. */
  readonly nextSeq: number
  readonly firstSeq: number
  readonly droppedBytes: number
}

export type ExportFormat = 'text' | 'hex'

export type SessionCloseMode = 'close' | 'reset'

export interface SessionCloseOptions {
  /** close: FIN after what is queued (default); reset: RST, dropping what is queued. */
  readonly mode?: SessionCloseMode
}

export interface ForgetSessions {
  /** These closed sessions; absent: every closed one. */
  readonly ids?: readonly SessionId[]
}

export interface ForgetResult {
  readonly removed: readonly SessionId[]
}

/** The core let go of closed sessions: these ids, and how many in all so far. */
export interface SessionsForgotten {
  readonly ids: readonly SessionId[]
  readonly forgotten: number
}

export interface StopOptions {
  /** Also close the server's open sessions (default true). */
  readonly closeSessions?: boolean
}

// ── The connection table ─────────────────────────────────────────────────────────────────

export type SocketProtocol = 'tcp' | 'udp' | 'unix'
export type UnixSocketType = 'stream' | 'dgram' | 'seqpacket'

export interface SocketOwner {
  readonly pid: number
  /** The process's short name (comm), when the source gives it. */
  readonly process: string | null
  readonly fd: number | null
}

/** TCP_INFO figures, where the source has them (Linux ss -i, netlink). */
export interface TcpInfo {
  readonly bytesSent: number | null
  readonly bytesAcked: number | null
  readonly bytesReceived: number | null
  readonly rttMs: number | null
}

/**
 * One socket as any source sees it. A field the source does not give is null, never
 * guessed. States use the kernel's names (LISTEN, ESTABLISHED, SYN_SENT, SYN_RECV,
 * FIN_WAIT1, FIN_WAIT2, TIME_WAIT, CLOSE, CLOSE_WAIT, LAST_ACK, CLOSING), plus UNCONN for
 * an unconnected UDP or Unix socket and BOUND for a bound, unconnected TCP socket.
 */
export interface SocketRow {
  /** Stable across polls: the inode where the OS gives one, else the 5-tuple and pid. */
  readonly id: string
  readonly protocol: SocketProtocol
  readonly family: AddressFamily
  readonly unixType: UnixSocketType | null
  /** An IP address, "*" for any, or a Unix socket's path ("" when unnamed). */
  readonly localAddress: string
  readonly localPort: number | null
  readonly remoteAddress: string | null
  readonly remotePort: number | null
  readonly state: string | null
  readonly sendQueue: number | null
  readonly recvQueue: number | null
  readonly inode: number | null
  /** Unix sockets: the other end's inode, which joins the two ends of a connection. */
  readonly peerInode: number | null
  readonly uid: number | null
  /** A socket can be shared by several processes and fds. */
  readonly owners: readonly SocketOwner[]
  readonly tcpInfo: TcpInfo | null
  /** The kernel's timer, as the source prints it ("timewait,31sec,0"). */
  readonly timer: string | null
}

export interface StateChange {
  readonly state: string | null
  readonly since: number
}

/** A socket as the live table shows it: the source's row plus what the poller learned. */
export interface TableRow extends SocketRow {
  readonly firstSeen: number
  /** Every state the socket was seen in, oldest first: its life cycle. */
  readonly history: readonly StateChange[]
  /**
   * Set when the socket vanished; the row stays for a grace period, then is removed. Such
   * a row's state is VANISHED_STATE and it has no owners: nothing holds it any more.
   */
  readonly closingSince: number | null
  /** The app's own session on this socket, when there is one. */
  readonly sessionId: SessionId | null
  /** The app's own echo server, when this is its listening socket. */
  readonly listenerId: ListenerId | null
  /** An orphaned socket (TIME_WAIT, FIN_WAIT2): who held it last, as the table saw. */
  readonly leftBy?: LeftBy | null
}

/** The owners an orphaned socket had, and when the table saw them let go. */
export interface LeftBy {
  readonly owners: readonly SocketOwner[]
  readonly at: number
}

export interface TableSnapshot {
  readonly seq: number
  readonly at: number
  readonly source: TableSourceId
  readonly rows: readonly TableRow[]
}

export interface TableDiff {
  readonly seq: number
  readonly at: number
  readonly added: readonly TableRow[]
  readonly changed: readonly TableRow[]
  /** Ids of rows gone for good (after their grace period). */
  readonly removed: readonly string[]
}

export type SourceHealth = 'ok' | 'degraded' | 'failed'

export interface TableStatus {
  readonly source: TableSourceId
  readonly health: SourceHealth
  /** What the source could not see (other users' sockets without root, a missing tool). */
  readonly blind: readonly string[]
  /** The sentences of `blind` that have words in the renderer, by their English text. */
  readonly blindSaid?: Readonly<Record<string, Said>>
  readonly rows: number
  readonly pollMs: number | null
  readonly rateHz: number
  readonly polling: boolean
  readonly seq: number
}

export interface TableOptions {
  readonly rateHz?: number
  readonly source?: TableSourceId
  readonly graceMs?: number
}

/** "Who holds this port?" — one bound socket and how it is bound. */
export interface PortHolder {
  readonly protocol: SocketProtocol
  readonly localAddress: string
  readonly localPort: number
  readonly state: string | null
  /** 'any' (0.0.0.0 / ::), 'loopback', or 'address' (one specific address). */
  readonly binding: 'any' | 'loopback' | 'address'
  readonly owners: readonly SocketOwner[]
}

/** A call a socket's program made, or a state its kernel reported (`state`). */
export type CallKind =
  | 'socket'
  | 'bind'
  | 'listen'
  | 'accept'
  | 'connect'
  | 'read'
  | 'write'
  | 'eof'
  | 'shutdown'
  | 'close'
  | 'state'

/** One step of the call sequence; reads and writes in a row are one run. */
export interface CallStep {
  readonly kind: CallKind
  readonly at: number
  /** When the last call of a run (or a slow connect) ended. */
  readonly until: number
  /** Calls in the run. */
  readonly count: number
  readonly bytes: number | null
  readonly fd: number | null
  /** bind: the address; listen: the backlog; close: how; state: the kernel state. */
  readonly detail: string | null
}

export interface CallLane {
  /** A session id, or a server id for the listening socket. */
  readonly id: string
  /** Whose calls: our client, a socket our server accepted, or the listening socket. */
  readonly role: 'client' | 'accepted' | 'listener'
  /** The socket's own address (the listening address for a listener). */
  readonly address: string
  readonly steps: readonly CallStep[]
  /** Steps left out to stay within the bound. */
  readonly dropped: number
}

/** A session's calls beside those of the app's sockets at the other end, if it has them. */
export interface SessionCalls {
  readonly sessionId: SessionId
  /** This session first, then its peer session and the listening socket when the app has them. */
  readonly lanes: readonly CallLane[]
}

/** The state of a row whose socket vanished from the OS (the last step of its history). */
export const VANISHED_STATE = 'CLOSED'
