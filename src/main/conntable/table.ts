// The live connection table: polls a source while someone listens, diffs each poll against
// the last, keeps every socket's state history, and holds vanished sockets as closing for a
// grace period so the eye can follow them.
import { InspectorFailure } from '../../shared/errors'
import { POLL_RATE_HZ } from '../../shared/limits'
import type {
  SocketRow,
  StateChange,
  TcpInfo,
  TableDiff,
  TableOptions,
  TableRow,
  TableSnapshot,
  TableSourceId,
  TableStatus
} from '../../shared/model'
import { NETLINK_UNAVAILABLE } from './netlink-source'
import type { ClosedHistory } from './closed-history'
import { ownersEqual } from './row'
import type { TableSource } from './source'

const TABLE_RATE_HZ = POLL_RATE_HZ
export const CLOSING_GRACE_MS = 10_000
/** The state a vanished socket's history ends with. */
const GONE = 'CLOSED'

/** Which of the app's own sessions and servers a kernel row belongs to. */
export type OwnershipLookup = (row: SocketRow) => {
  sessionId: string | null
  listenerId: string | null
}

export interface ConnTableOptions {
  readonly sources: Readonly<Partial<Record<TableSourceId, () => TableSource>>>
  readonly defaultSource: TableSourceId
  /** Taken, once and for good, if the default source cannot run on this machine. */
  readonly fallbackSource?: TableSourceId
  readonly emit: (diff: TableDiff) => void
  /** Called once a poll: the app's sockets change between polls, not within one. */
  readonly ownership?: () => OwnershipLookup
  readonly now?: () => number
  /** Keeps closed sockets past their grace period, when the user turns it on. */
  readonly history?: ClosedHistory
}

const tupleKey = (r: SocketRow): string =>
  `${r.protocol}|${r.localAddress}|${r.localPort}|${r.remoteAddress}|${r.remotePort}`

const sameTcpInfo = (a: TcpInfo | null, b: TcpInfo | null): boolean =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.bytesSent === b.bytesSent &&
    a.bytesAcked === b.bytesAcked &&
    a.bytesReceived === b.bytesReceived &&
    a.rttMs === b.rttMs)

/** What the table shows changed; timers tick every poll and ride along with real changes. */
function unchanged(prev: TableRow, raw: SocketRow, mine: Ownership): boolean {
  return (
    prev.closingSince === null &&
    prev.state === raw.state &&
    prev.sendQueue === raw.sendQueue &&
    prev.recvQueue === raw.recvQueue &&
    prev.sessionId === mine.sessionId &&
    prev.listenerId === mine.listenerId &&
    ownersEqual(prev.owners, raw.owners) &&
    sameTcpInfo(prev.tcpInfo, raw.tcpInfo)
  )
}

interface Ownership {
  readonly sessionId: string | null
  readonly listenerId: string | null
}

export const NOT_OURS: Ownership = { sessionId: null, listenerId: null }

/** Built field by field: a spread of a 17-field row per socket per poll was most of a poll. */
function tableRow(
  raw: SocketRow,
  id: string,
  firstSeen: number,
  history: readonly StateChange[],
  mine: Ownership
): TableRow {
  return {
    id,
    protocol: raw.protocol,
    family: raw.family,
    unixType: raw.unixType,
    localAddress: raw.localAddress,
    localPort: raw.localPort,
    remoteAddress: raw.remoteAddress,
    remotePort: raw.remotePort,
    state: raw.state,
    sendQueue: raw.sendQueue,
    recvQueue: raw.recvQueue,
    inode: raw.inode,
    peerInode: raw.peerInode,
    uid: raw.uid,
    owners: raw.owners,
    tcpInfo: raw.tcpInfo,
    timer: raw.timer,
    firstSeen,
    history,
    closingSince: null,
    sessionId: mine.sessionId,
    listenerId: mine.listenerId
  }
}

export class ConnTable {
  private rows = new Map<string, TableRow>()
  /** A TIME_WAIT row (no inode) keeps the id of the socket it was. */
  private readonly aliases = new Map<string, string>()
  private seq = 0
  private sourceId: TableSourceId
  private source: TableSource
  private rateHz: number = TABLE_RATE_HZ.default
  private graceMs = CLOSING_GRACE_MS
  private timer: NodeJS.Timeout | null = null
  private inFlight: Promise<TableDiff> | null = null
  private lastPollMs: number | null = null
  private blind: readonly string[] = []
  private health: TableStatus['health'] = 'ok'
  private readonly now: () => number

  constructor(private readonly options: ConnTableOptions) {
    this.sourceId = options.defaultSource
    this.source = this.make(options.defaultSource)
    this.now = options.now ?? Date.now
  }

  /** Starts polling (the first table:diff listener). */
  start(): void {
    if (this.timer) return
    const tick = (): void => {
      void this.poll().catch(() => undefined)
      this.timer = setTimeout(tick, 1000 / this.rateHz)
      this.timer.unref()
    }
    tick()
  }

  /** Stops polling (the last listener left). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  async snapshot(): Promise<TableSnapshot> {
    if (this.seq === 0 || !this.timer) await this.poll()
    const rows = [...this.rows.values()]
    const closed = this.options.history?.rows() ?? []
    return {
      seq: this.seq,
      at: this.now(),
      source: this.sourceId,
      rows: closed.length > 0 ? [...rows, ...closed] : rows
    }
  }

  status(): TableStatus {
    return {
      source: this.sourceId,
      health: this.health,
      blind: this.blind,
      rows: this.rows.size,
      pollMs: this.lastPollMs,
      rateHz: this.rateHz,
      polling: this.timer !== null,
      seq: this.seq
    }
  }

  configure(options: TableOptions): TableStatus {
    if (options.rateHz !== undefined) this.rateHz = options.rateHz
    if (options.graceMs !== undefined) this.graceMs = options.graceMs
    if (options.source !== undefined && options.source !== this.sourceId) {
      this.source = this.make(options.source)
      this.sourceId = options.source
      // Another source names sockets differently: start the table afresh.
      this.rows = new Map()
      this.aliases.clear()
    }
    return this.status()
  }

  /** One poll: read, diff, emit. Concurrent calls share the poll in flight. */
  poll(): Promise<TableDiff> {
    this.inFlight ??= this.pollOnce().finally(() => (this.inFlight = null))
    return this.inFlight
  }

  private make(id: TableSourceId): TableSource {
    const factory = this.options.sources[id]
    if (!factory) {
      throw new InspectorFailure(
        'ENOSOURCE',
        `The ${id} source is not available on this system.`,
        'Pick one that app:info lists as available.'
      )
    }
    return factory()
  }

  private async pollOnce(): Promise<TableDiff> {
    const started = performance.now()
    let read
    let fellBack: string | null = null
    try {
      read = await this.source.read()
    } catch (err) {
      const fallback = this.options.fallbackSource
      if (
        err instanceof InspectorFailure &&
        err.code === NETLINK_UNAVAILABLE &&
        fallback &&
        fallback !== this.sourceId
      ) {
        fellBack = err.message
        this.source = this.make(fallback)
        this.sourceId = fallback
        read = await this.source.read()
      } else {
        this.health = 'failed'
        this.blind = [err instanceof Error ? err.message : String(err)]
        throw err
      }
    }
    this.lastPollMs = performance.now() - started
    this.blind = fellBack ? [fellBack, ...read.blind] : read.blind
    this.health = this.blind.length > 0 ? 'degraded' : 'ok'
    const diff = this.apply(read.rows)
    this.options.emit(diff)
    return diff
  }

  private apply(incoming: readonly SocketRow[]): TableDiff {
    const now = this.now()
    const ownership = this.options.ownership?.()
    const added: TableRow[] = []
    const changedRows: TableRow[] = []
    const seen = new Set<string>()
    // Rows that are about to vanish, by 5-tuple: a TIME_WAIT row may be one of them.
    const incomingIds = new Set(incoming.map((r) => this.aliases.get(r.id) ?? r.id))
    const vanishing = new Map<string, TableRow>()
    for (const row of this.rows.values()) {
      if (row.inode !== null && !incomingIds.has(row.id)) vanishing.set(tupleKey(row), row)
    }

    for (const raw of incoming) {
      let id = this.aliases.get(raw.id) ?? raw.id
      if (!this.rows.has(id) && raw.inode === null) {
        const was = vanishing.get(tupleKey(raw))
        if (was) {
          this.aliases.set(raw.id, was.id)
          vanishing.delete(tupleKey(raw))
          id = was.id
        }
      }
      if (seen.has(id)) continue
      seen.add(id)
      const prev = this.rows.get(id)
      const mine = ownership?.(raw) ?? NOT_OURS
      if (prev && unchanged(prev, raw, mine)) continue
      const history: readonly StateChange[] =
        prev && prev.state === raw.state && prev.closingSince === null
          ? prev.history
          : [...(prev?.history ?? []), { state: raw.state, since: now }]
      const next = tableRow(raw, id, prev?.firstSeen ?? now, history, mine)
      this.rows.set(id, next)
      if (prev) changedRows.push(next)
      else added.push(next)
    }

    const removed: string[] = []
    const gone: TableRow[] = []
    for (const [id, row] of this.rows) {
      if (seen.has(id)) continue
      if (row.closingSince === null) {
        const closing: TableRow = {
          ...row,
          closingSince: now,
          history: [...row.history, { state: GONE, since: now }]
        }
        this.rows.set(id, closing)
        changedRows.push(closing)
      } else if (now - row.closingSince >= this.graceMs) {
        this.rows.delete(id)
        removed.push(id)
        gone.push(row)
        for (const [alias, target] of this.aliases) if (target === id) this.aliases.delete(alias)
      }
    }
    const history = this.options.history
    if (history) {
      added.push(...history.keep(gone))
      removed.push(...history.takeEvicted())
    }
    return { seq: ++this.seq, at: now, added, changed: changedRows, removed }
  }
}
