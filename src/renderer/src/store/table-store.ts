// The live connection table in the renderer: a snapshot, then diffs applied at most once
// per animation frame however fast they come. A gap in seq means a diff was missed: fetch a
// new snapshot. Views read it through useSyncExternalStore.
import type { InspectorApi, Unsubscribe } from '../../../shared/contract'
import type { TableDiff, TableRow } from '../../../shared/model'

export type Mark = 'new' | 'changed'

export interface TableState {
  readonly rows: readonly TableRow[]
  /** Rows added or changed recently, with when, so the view can colour them a moment. */
  readonly marks: ReadonlyMap<string, { readonly mark: Mark; readonly at: number }>
  readonly seq: number
  readonly loaded: boolean
}

type Schedule = (fn: () => void) => unknown

const EMPTY: TableState = { rows: [], marks: new Map(), seq: 0, loaded: false }
/** How long a new or changed row stays coloured. */
export const MARK_MS = 2_000

export class TableStore {
  private rows = new Map<string, TableRow>()
  private marks = new Map<string, { mark: Mark; at: number }>()
  private seq = 0
  private pending: TableDiff[] = []
  private scheduled = false
  private state: TableState = EMPTY
  private readonly listeners = new Set<() => void>()
  private refetching = false

  constructor(
    private readonly api: InspectorApi,
    private readonly schedule: Schedule = (fn) => requestAnimationFrame(fn),
    private readonly now: () => number = () => Date.now()
  ) {}

  /** Subscribes to diffs, then loads the snapshot; returns the way to stop. */
  start(): Unsubscribe {
    const off = this.api.on('table:diff', (diff) => this.enqueue(diff))
    void this.refetch()
    return off
  }

  subscribe = (fn: () => void): Unsubscribe => {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  getState = (): TableState => this.state

  private enqueue(diff: TableDiff): void {
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
      this.publish()
    } finally {
      this.refetching = false
    }
  }

  private flush(): void {
    this.scheduled = false
    const diffs = this.pending
    this.pending = []
    const at = this.now()
    for (const diff of diffs) {
      if (diff.seq <= this.seq) continue // already in the snapshot
      if (diff.seq !== this.seq + 1) {
        void this.refetch()
        return
      }
      for (const r of diff.added) {
        this.rows.set(r.id, r)
        this.marks.set(r.id, { mark: 'new', at })
      }
      for (const r of diff.changed) {
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
    this.publish()
  }

  private publish(): void {
    this.state = {
      rows: [...this.rows.values()],
      marks: new Map(this.marks),
      seq: this.seq,
      loaded: true
    }
    for (const fn of [...this.listeners]) fn()
  }
}
