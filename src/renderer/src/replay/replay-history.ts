// The Overview's and the Echo view's charts in a replay: the five minutes before the
// scrubber's time, as the live app would have drawn them had it been open then. One walk
// from the keyframe before that window to the time: the table's rows by state at each
// recorded poll (the stacked area), and every session update into a RateHistory (the
// throughput lines), with the same rules as live (a session first seen is a baseline).
import type { Session, TableRow } from '../../../shared/model'
import type { TimedRecord } from '../../../shared/recording'
import { RATE_WINDOW_S, RateHistory } from '../store/rate-history'
import { STATE_GROUPS, STATE_SAMPLES, stateGroup } from '../store/state-history'
import type { StateGroup, StateSample } from '../store/state-history'

export interface ReplayedHistory {
  readonly states: readonly StateSample[]
  readonly rates: RateHistory
}

/** The charts' reach, in ms: the longer of the two windows. */
const WINDOW_MS = Math.max(STATE_SAMPLES, RATE_WINDOW_S) * 1000

class Walk {
  private readonly groups = new Map<string, StateGroup>()
  private counts = Object.fromEntries(STATE_GROUPS.map((g) => [g, 0])) as Record<StateGroup, number>
  private seq = -1
  readonly states: StateSample[] = []
  /** Each sample's poll time, in ms (a sample's own time is its second). */
  private readonly sampledAt: number[] = []
  readonly rates = new RateHistory()

  keyframe(rows: readonly TableRow[], seq: number): void {
    this.groups.clear()
    for (const g of STATE_GROUPS) this.counts[g] = 0
    for (const r of rows) this.set(r)
    this.seq = seq
  }

  diff(added: readonly TableRow[], changed: readonly TableRow[], removed: readonly string[]): void {
    for (const r of added) this.set(r)
    for (const r of changed) this.set(r)
    for (const id of removed) {
      const g = this.groups.get(id)
      if (g === undefined) continue
      this.counts[g]--
      this.groups.delete(id)
    }
  }

  sessions(at: number, list: readonly Session[]): void {
    for (const s of list) this.rates.record(s.id, at, s.bytesIn, s.bytesOut, s.openedAt)
  }

  /** A sample at a poll's time; a second already sampled is replaced, as live. */
  sample(at: number): void {
    const t = Math.floor(at / 1000)
    if (this.states.at(-1)?.t === t) {
      this.states.pop()
      this.sampledAt.pop()
    }
    this.states.push({ t, ...this.counts })
    this.sampledAt.push(at)
  }

  /** Lets go of the samples taken before `from` (the window moved on). */
  trim(from: number): void {
    let n = 0
    while (n < this.sampledAt.length && this.sampledAt[n]! < from) n++
    this.states.splice(0, n)
    this.sampledAt.splice(0, n)
  }

  /** Whether a diff is newer than what the walk holds (a keyframe restates older ones). */
  fresh(seq: number): boolean {
    if (seq <= this.seq) return false
    this.seq = seq
    return true
  }

  private set(r: TableRow): void {
    const before = this.groups.get(r.id)
    if (before !== undefined) this.counts[before]--
    const g = stateGroup(r)
    this.groups.set(r.id, g)
    this.counts[g]++
  }
}

export class ReplayHistory {
  private readonly keyframes: readonly number[]
  /** The last walk: scrubbing forward (or Play) goes on from it instead of starting again. */
  private last: { at: number; next: number; walk: Walk; history: ReplayedHistory } | null = null

  constructor(private readonly records: readonly TimedRecord[]) {
    this.keyframes = records.flatMap((r, i) => (r.type === 'keyframe' ? [i] : []))
  }

  /** The charts' history up to `atMs`. */
  at(atMs: number): ReplayedHistory {
    if (this.last?.at === atMs) return this.last.history
    const from = atMs - WINDOW_MS
    const start = this.keyframeBefore(from)
    // Going on from the last walk gives what a fresh one would, while that walk is not
    // past this time and started no later than the keyframe a fresh one starts from.
    const goOn = this.last !== null && this.last.at < atMs && this.last.next >= start
    const walk = goOn ? this.last!.walk : new Walk()
    let i = goOn ? this.last!.next : start
    for (; i < this.records.length; i++) {
      const r = this.records[i]!
      if (r.t > atMs) break
      if (r.type === 'keyframe') {
        walk.keyframe(r.table.rows, r.table.seq)
        walk.sessions(r.t, r.sessions)
      } else if (r.type === 'diff') {
        if (!walk.fresh(r.diff.seq)) continue
        walk.diff(r.diff.added, r.diff.changed, r.diff.removed)
      } else if (r.type === 'sessions') {
        walk.sessions(r.t, r.sessions)
        continue
      } else continue
      if (r.t >= from) walk.sample(r.t)
    }
    walk.trim(from)
    const history = { states: walk.states.slice(-STATE_SAMPLES), rates: walk.rates }
    this.last = { at: atMs, next: i, walk, history }
    return history
  }

  private keyframeBefore(t: number): number {
    let found = this.keyframes[0] ?? 0
    for (const k of this.keyframes) {
      if (this.records[k]!.t <= t) found = k
      else break
    }
    return found
  }
}
