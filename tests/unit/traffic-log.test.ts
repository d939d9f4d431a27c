import { describe, expect, it } from 'vitest'
import { SessionLog, TrafficLog } from '../../src/main/echo/traffic-log'

const chunk = (n: number, fill = 1): Buffer => Buffer.alloc(n, fill)

describe('traffic log', () => {
  it('keeps everything while under its bounds, in order, with seqs', () => {
    const traffic = new TrafficLog(1000, 10_000)
    const log = new SessionLog()
    traffic.record(log, 'out', chunk(10))
    traffic.record(log, 'in', chunk(20))
    const got = traffic.range(log, 0, 10)
    expect(got.map((c) => [c.seq, c.dir, c.bytes.length])).toEqual([
      [0, 'out', 10],
      [1, 'in', 20]
    ])
    expect(traffic.range(log, 1, 10).map((c) => c.seq)).toEqual([1])
    expect(log.droppedBytes).toBe(0)
  })

  it('drops a session’s oldest chunks past its own bound and counts them', () => {
    const traffic = new TrafficLog(100, 10_000)
    const log = new SessionLog()
    for (let i = 0; i < 10; i++) traffic.record(log, 'in', chunk(30))
    expect(log.bytes).toBeLessThanOrEqual(100)
    expect(log.bytes + log.droppedBytes).toBe(300)
    expect(log.firstSeq).toBe(7)
    expect(traffic.bytesHeld).toBe(log.bytes)
  })

  it('drops the oldest chunk of all sessions past the global bound', () => {
    const traffic = new TrafficLog(1000, 100)
    const a = new SessionLog()
    const b = new SessionLog()
    traffic.record(a, 'in', chunk(40))
    traffic.record(b, 'in', chunk(40))
    traffic.record(b, 'out', chunk(40))
    expect(a.bytes).toBe(0)
    expect(a.droppedBytes).toBe(40)
    expect(b.bytes).toBe(80)
    expect(traffic.bytesHeld).toBe(80)
  })

  it('does not pile up dead entries behind an idle session', () => {
    const traffic = new TrafficLog(64, 1024 * 1024)
    const idle = new SessionLog()
    const busy = new SessionLog()
    traffic.record(idle, 'in', chunk(8))
    for (let i = 0; i < 100_000; i++) traffic.record(busy, 'in', chunk(8))
    expect(busy.bytes).toBe(64)
    expect(idle.bytes).toBe(8)
    // Without compaction this would be ~100,000.
    expect(traffic.queued).toBeLessThan(5_000)
  })

  it('copies a small view instead of holding its whole backing buffer', () => {
    const traffic = new TrafficLog()
    const log = new SessionLog()
    const big = Buffer.alloc(64 * 1024)
    traffic.record(log, 'in', big.subarray(0, 10))
    expect(traffic.range(log, 0, 1)[0]!.bytes.buffer.byteLength).toBeLessThan(64 * 1024)
  })

  it('releases a session’s bytes at once, keeping its counters', () => {
    const traffic = new TrafficLog()
    const log = new SessionLog()
    traffic.record(log, 'in', chunk(500))
    traffic.release(log)
    expect(traffic.bytesHeld).toBe(0)
    expect(log.droppedBytes).toBe(500)
    expect(traffic.range(log, 0, 10)).toEqual([])
  })
})
