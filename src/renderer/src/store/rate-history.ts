// Bytes a second, per session and in all, over the last five minutes — worked out from the
// counters that session:update carries. Whole seconds are the buckets; a second with no
// update is a second with no bytes. Pure bookkeeping: the clock is passed in.

/** How far back the charts reach. */
export const RATE_WINDOW_S = 300

export interface RatePoint {
  /** The second (Unix time, seconds). */
  readonly t: number
  readonly in: number
  readonly out: number
}

interface Counters {
  in: number
  out: number
}

type Buckets = Map<number, Counters>

function add(buckets: Buckets, second: number, dIn: number, dOut: number): void {
  const b = buckets.get(second)
  if (b) {
    b.in += dIn
    b.out += dOut
  } else buckets.set(second, { in: dIn, out: dOut })
}

function prune(buckets: Buckets, oldest: number): void {
  for (const s of buckets.keys()) if (s < oldest) buckets.delete(s)
}

export class RateHistory {
  private readonly last = new Map<string, Counters>()
  private readonly perSession = new Map<string, Buckets>()
  private readonly all: Buckets = new Map()

  /**
   * Notes a session's counters at a moment. The first sighting is only a baseline (bytes
   * from before the page opened are not a spike now) unless the session opened just then.
   */
  record(id: string, atMs: number, bytesIn: number, bytesOut: number, openedAt: number): void {
    const second = Math.floor(atMs / 1000)
    const prev = this.last.get(id) ?? (atMs - openedAt < 2_000 ? { in: 0, out: 0 } : null)
    this.last.set(id, { in: bytesIn, out: bytesOut })
    if (!prev) return
    const dIn = Math.max(0, bytesIn - prev.in)
    const dOut = Math.max(0, bytesOut - prev.out)
    if (dIn === 0 && dOut === 0) return
    let buckets = this.perSession.get(id)
    if (!buckets) this.perSession.set(id, (buckets = new Map()))
    add(buckets, second, dIn, dOut)
    add(this.all, second, dIn, dOut)
    const oldest = second - RATE_WINDOW_S
    prune(buckets, oldest)
    prune(this.all, oldest)
  }

  /** One point a second, oldest first, ending at `nowMs`; `id` absent = all sessions. */
  series(nowMs: number, id?: string, seconds: number = RATE_WINDOW_S): RatePoint[] {
    const buckets = id === undefined ? this.all : this.perSession.get(id)
    const end = Math.floor(nowMs / 1000)
    const points: RatePoint[] = []
    for (let t = end - seconds + 1; t <= end; t++) {
      const b = buckets?.get(t)
      points.push({ t, in: b?.in ?? 0, out: b?.out ?? 0 })
    }
    return points
  }
}
