// The live connection table in the renderer: a snapshot, then diffs applied at most once
// per animation frame however fast they come. A gap in seq means a diff was missed: fetch a
// new snapshot. Paused, it holds the picture still and drops diffs; resuming refetches.
// It also keeps the poller's status (source, rows, poll time). Views read it through
// useSyncExternalStore.
import type { InspectorApi, Unsubscribe } from '../../../shared/contract'
import type {
  TableDiff,
  TableOptions,
  TableRow,
  TableSourceInfo,
  TableStatus
} from '../../../shared/model'
import { justMade, StateHistory } from './state-history'
import type { StateSample } from './state-history'
import { countStates } from './state-counts'

export type Mark = 'new' | 'changed'

export interface TableState {
  readonly rows: readonly TableRow[]
  /** Rows added or changed recently, with when, so the view can colour them a moment. */
  readonly marks: ReadonlyMap<string, { readonly mark: Mark; readonly at: number }>
  readonly seq: number
  readonly loaded: boolean
  readonly paused: boolean
  /** The poller as last asked; null until the first answer. */
  readonly status: TableStatus | null
  /** The sources this machine has, for the source picker. */
  readonly sources: readonly TableSourceInfo[]
  /** The core's uid (null on an OS without one, or not yet known): what it can see. */
  readonly coreUid: number | null
  /** Bumped on every publish; TableStore.changedSince(version) says what changed since. */
  readonly version: number
  /** Bumped when rows come or go (not when they change): the set of ids is the same. */
  readonly structure: number
  /** Rows by state, most first: the state chips. Counted when rows come or go, or each second. */
  readonly stateCounts: ReadonlyArray<readonly [string, number]>
  /** Sockets by state, a sample a second, five minutes: the Overview's chart. */
  readonly samples: readonly StateSample[]
  /**
   * When the store stopped hearing from the core (the link dropped, the core stopped);
   * null while it is live. What it holds since then is the last picture, not the machine.
   */
  readonly staleSince: number | null
}

type Schedule = (fn: () => void) => unknown

const EMPTY: TableState = {
  rows: [],
  marks: new Map(),
  seq: 0,
  loaded: false,
  paused: false,
  status: null,
  sources: [],
  coreUid: null,
  version: 0,
  structure: 0,
  stateCounts: [],
  samples: [],
  staleSince: null
}
/** How long a new or changed row stays coloured. */
export const MARK_MS = 2_000
/** How many publishes back changedSince() can answer. */
const CHANGE_LOG = 120
/** The status is asked for at most this often (diffs come at the poll rate). */
const STATUS_EVERY_MS = 1_000

export class TableStore {
  private rows = new Map<string, TableRow>()
  private marks = new Map<string, { mark: Mark; at: number }>()
  private seq = 0
  private pending: TableDiff[] = []
  private scheduled = false
  private state: TableState = EMPTY
  private readonly listeners = new Set<() => void>()
  private refetching = false
  private paused = false
  private loaded = false
  private version = 0
  private structure = 0
  /** The ids each publish changed (not added or removed), newest last. */
  private stateCounts: ReadonlyArray<readonly [string, number]> = []
  private counted = { structure: -1, at: 0 }
  private changeLog: Array<{ readonly version: number; readonly ids: readonly string[] }> = []
  /** Sockets by state over time, for the Overview; sampled as diffs are applied. */
  private readonly history = new StateHistory()
  private samples: readonly StateSample[] = []
  private status: TableStatus | null = null
  private sources: readonly TableSourceInfo[] = []
  private coreUid: number | null = null
  private statusAt = 0
  private staleSince: number | null = null

  constructor(
    private readonly api: InspectorApi,
    private readonly schedule: Schedule = (fn) => requestAnimationFrame(fn),
    private readonly now: () => number = () => Date.now(),
    /** A replay's own history (the recording's polls before `now`) instead of sampling. */
    private readonly series?: (atMs: number) => readonly StateSample[]
  ) {}

  /**
   * Subscribes to diffs, then loads the snapshot; returns the way to stop. The app stops
   * when the link to the core drops: from then on the rows are marked stale until a
   * later start() has fetched a fresh snapshot.
   */
  start(): Unsubscribe {
    const on = this.api.on('table:diff', (diff) => this.enqueue(diff))
    const off = (): void => {
      on()
      this.staleSince ??= this.now()
      this.publish()
    }
    void this.refetch()
    void this.refreshStatus()
    this.api['app:info']().then(
      (info) => {
        this.sources = info.sources
        this.coreUid = info.uid
        this.publish()
      },
      () => undefined // the picker then offers only the current source
    )
    return off
  }

  /** Holds the table still: diffs are dropped until resume() fetches a fresh snapshot. */
  setPaused(paused: boolean): void {
    if (paused === this.paused) return
    this.paused = paused
    this.pending = []
    if (paused) this.publish()
    else void this.refetch()
  }

  /** Changes the poll rate or source; the answer is the poller's new status. */
  async configure(options: TableOptions): Promise<TableStatus> {
    const status = await this.api['table:configure'](options)
    this.status = status
    this.publish()
    if (options.source !== undefined) void this.refetch()
    return status
  }

  /**
   * The ids of rows changed in place since `version`, or null when that is too far back
   * (or rows came or went meanwhile: compare `structure` first). Lets a view patch what it
   * shows instead of filtering and sorting every row again.
   */
  changedSince(version: number): ReadonlySet<string> | null {
    const oldest = this.changeLog[0]?.version ?? this.version + 1
    if (version < oldest - 1) return null
    const ids = new Set<string>()
    for (const entry of this.changeLog)
      if (entry.version > version) for (const id of entry.ids) ids.add(id)
    return ids
  }

  /** The time the table is at: now, or the recording's time when replaying one. */
  clock(): number {
    return this.now()
  }

  /** Whether a recording feeds this store (its clock is the scrubber's). */
  get replaying(): boolean {
    return this.series !== undefined
  }

  /** The current row with this id. */
  row(id: string): TableRow | undefined {
    return this.rows.get(id)
  }

  private async refreshStatus(): Promise<void> {
    this.statusAt = this.now()
    try {
      this.status = await this.api['table:status']()
    } catch {
      return // the link is down; the badge says so, and the next diff asks again
    }
    this.publish()
  }

  subscribe = (fn: () => void): Unsubscribe => {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  getState = (): TableState => this.state

  private enqueue(diff: TableDiff): void {
    if (this.now() - this.statusAt >= STATUS_EVERY_MS) void this.refreshStatus()
    if (this.paused) return
    this.pending.push(diff)
    if (this.scheduled) return
    this.scheduled = true
    this.schedule(() => this.flush())
  }

  private async refetch(): Promise<void> {
    if (this.refetching) return
    this.refetching = true
    try {
      const snap = await this.api['table:snapshot']()
      this.rows = new Map(snap.rows.map((r) => [r.id, r]))
      this.marks = new Map()
      this.seq = snap.seq
      this.loaded = true
      this.staleSince = null
      this.structure++
      this.publish()
      void this.refreshStatus() // the poll that made the snapshot is in the status now
    } finally {
      this.refetching = false
    }
  }

  private flush(): void {
    this.scheduled = false
    const diffs = this.pending
    this.pending = []
    if (this.paused) return
    const at = this.now()
    const changed: string[] = []
    for (const diff of diffs) {
      if (diff.seq <= this.seq) continue // already in the snapshot
      if (diff.seq !== this.seq + 1) {
        void this.refetch()
        return
      }
      for (const r of diff.added) {
        this.rows.set(r.id, r)
        if (justMade(r)) this.marks.set(r.id, { mark: 'new', at })
      }
      if (diff.added.length > 0 || diff.removed.length > 0) this.structure++
      for (const r of diff.changed) {
        changed.push(r.id)
        this.rows.set(r.id, r)
        if (this.marks.get(r.id)?.mark !== 'new') this.marks.set(r.id, { mark: 'changed', at })
      }
      for (const id of diff.removed) {
        this.rows.delete(id)
        this.marks.delete(id)
      }
      this.seq = diff.seq
    }
    for (const [id, m] of this.marks) if (at - m.at > MARK_MS) this.marks.delete(id)
    this.publish(changed)
  }

  private publish(changed: readonly string[] = []): void {
    this.version++
    this.changeLog.push({ version: this.version, ids: changed })
    if (this.changeLog.length > CHANGE_LOG) this.changeLog.shift()
    // One sample a second is all the chart draws; counting 20,000 rows on every frame's
    // flush would cost more than the flush.
    const at = this.now()
    if (this.series) this.samples = this.series(at)
    else if (this.loaded && this.history.lastSecond !== Math.floor(at / 1000)) {
      this.history.sample(at, this.rows.values())
      this.samples = this.history.series()
    }
    if (this.counted.structure !== this.structure || at - this.counted.at >= STATUS_EVERY_MS) {
      this.stateCounts = countStates(this.rows.values())
      this.counted = { structure: this.structure, at }
    }
    this.state = {
      rows: [...this.rows.values()],
      marks: new Map(this.marks),
      seq: this.seq,
      loaded: this.loaded,
      paused: this.paused,
      status: this.status,
      sources: this.sources,
      coreUid: this.coreUid,
      version: this.version,
      structure: this.structure,
      stateCounts: this.stateCounts,
      samples: this.samples,
      staleSince: this.staleSince
    }
    for (const fn of [...this.listeners]) fn()
  }
}
