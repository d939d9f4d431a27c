// The renderer's own work for an action, from a Chromium trace: the main thread's busy time
// from a `performance.mark` to the end of the first frame committed (after a paint) that
// follows it. Time the main thread spends idle waiting for the next frame tick is left out:
// headless Chromium starts frames on a ~16.7 ms cadence whatever its flags say, so "click →
// next frame drawn" measures where in that cadence the click fell as much as the work.

export interface TraceEvent {
  readonly name: string
  readonly ph: string
  readonly ts: number
  readonly dur?: number
  readonly pid: number
  readonly tid: number
}

/** The trace categories the measurement needs (marks, tasks, paint and commit). */
export const FRAME_WORK_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing'
]

/** Milliseconds of main-thread work after each mark named `mark`, in the marks' order. */
export function workAfterMarks(events: readonly TraceEvent[], mark: string): number[] {
  const marks = events.filter((e) => e.name === mark).sort((a, b) => a.ts - b.ts)
  if (marks.length === 0) return []
  const { pid, tid } = marks[0]!
  const main = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts)
  const tasks = main.filter((e) => e.name === 'RunTask')
  return marks.map((m) => {
    const paint = main.find((e) => e.name === 'Paint' && e.ts > m.ts)
    const commit = paint && main.find((e) => e.name === 'Commit' && e.ts > paint.ts)
    if (!commit) return NaN
    const end = commit.ts + commit.dur!
    // Tasks can nest (a nested run loop): count each stretch of time once.
    let busy = 0
    let covered = m.ts
    for (const t of tasks) {
      if (t.ts >= end) break
      const to = Math.min(end, t.ts + t.dur!)
      busy += Math.max(0, to - Math.max(covered, t.ts))
      covered = Math.max(covered, to)
    }
    return busy / 1000
  })
}
