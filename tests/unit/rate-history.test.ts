import { describe, expect, it } from 'vitest'
import { RATE_WINDOW_S, RateHistory } from '../../src/renderer/src/store/rate-history'

const T0 = 1_700_000_000_000

describe('RateHistory (bytes a second from session counters)', () => {
  it('turns counter deltas into per-second buckets, per session and in all', () => {
    const h = new RateHistory()
    h.record('a', T0, 0, 0, T0)
    h.record('a', T0 + 100, 100, 40, T0)
    h.record('a', T0 + 900, 300, 40, T0)
    h.record('b', T0 + 1_500, 10, 10, T0 + 1_400)
    h.record('a', T0 + 2_200, 350, 90, T0)
    const a = h.series(T0 + 2_500, 'a', 3)
    expect(a.map((p) => [p.in, p.out])).toEqual([
      [300, 40],
      [0, 0],
      [50, 50]
    ])
    const all = h.series(T0 + 2_500, undefined, 3)
    expect(all.map((p) => [p.in, p.out])).toEqual([
      [300, 40],
      [10, 10],
      [50, 50]
    ])
  })

  it('takes the first sight of an old session as a baseline, not a spike', () => {
    const h = new RateHistory()
    h.record('old', T0 + 60_000, 5_000, 5_000, T0)
    h.record('old', T0 + 61_000, 5_100, 5_000, T0)
    const s = h.series(T0 + 61_000, 'old', 2)
    expect(s.map((p) => p.in)).toEqual([0, 100])
  })

  it('gives a full window of points and forgets what is older', () => {
    const h = new RateHistory()
    h.record('a', T0, 0, 0, T0)
    h.record('a', T0 + 10, 7, 7, T0)
    expect(h.series(T0).length).toBe(RATE_WINDOW_S)
    expect(h.series(T0, 'a').at(-1)).toMatchObject({ in: 7, out: 7 })
    h.record('a', T0 + (RATE_WINDOW_S + 5) * 1000, 8, 8, T0)
    expect(h.series(T0 + (RATE_WINDOW_S + 5) * 1000, 'a').reduce((n, p) => n + p.in, 0)).toBe(1)
  })
})
