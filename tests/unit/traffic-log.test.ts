import { describe, expect, it } from 'vitest'
import { SessionLog, TrafficLog } from '../../src/main/echo/traffic-log'

const bytesOf = (n: number, start = 0): Buffer =>
  Buffer.from(Array.from({ length: n }, (_, i) => (start + i) % 256))

describe('traffic log', () => {
  it('keeps everything while under its bounds, in order, with seqs', () => {
    const traffic = new TrafficLog(1000, 10_000)
    const log = new SessionLog()
    traffic.record(log, 'out', bytesOf(10))
    traffic.record(log, 'in', bytesOf(20, 10))
    const got = traffic.range(log, 0, 10)
    expect(got.map((c) => [c.seq, c.dir])).toEqual([
      [0, 'out'],
      [1, 'in']
    ])
    expect(Buffer.concat(got.map((c) => c.bytes)).equals(bytesOf(30))).toBe(true)
    expect(traffic.range(log, 1, 10).map((c) => c.seq)).toEqual([1])
    expect(log.droppedBytes).toBe(0)
  })

  it('drops a session’s oldest chunks past its own bound and counts them', () => {
    const traffic = new TrafficLog(1000, 100_000)
    const log = new SessionLog()
    for (let i = 0; i < 10; i++) traffic.record(log, 'in', bytesOf(300, i * 300))
    expect(log.bytes).toBe(900)
    expect(log.bytes + log.droppedBytes).toBe(3000)
    expect(log.firstSeq).toBe(7)
    const tail = Buffer.concat(traffic.range(log, 0, 100).map((c) => c.bytes))
    expect(tail.equals(bytesOf(3000).subarray(2100))).toBe(true)
    expect(traffic.bytesHeld).toBe(900)
  })

  it('drops the oldest chunk of all sessions past the global bound', () => {
    const traffic = new TrafficLog(10_000, 1000)
    const a = new SessionLog()
    const b = new SessionLog()
    traffic.record(a, 'in', bytesOf(400))
    traffic.record(b, 'in', bytesOf(400))
    traffic.record(b, 'out', bytesOf(400))
    expect(a.bytes).toBe(0)
    expect(a.droppedBytes).toBe(400)
    expect(b.bytes).toBe(800)
    expect(traffic.bytesHeld).toBe(800)
  })

  it('bounds the number of chunk records too, so 1-byte chunks cannot grow it past its bound', () => {
    const traffic = new TrafficLog(64 * 1024, 256 * 1024)
    const logs = Array.from({ length: 8 }, () => new SessionLog())
    for (let i = 0; i < 20_000; i++) traffic.record(logs[i % 8]!, 'in', bytesOf(1, i))
    // 64 KiB / 64 B = 1,024 records a session; 256 KiB / 64 B = 4,096 in all.
    for (const log of logs) expect(log.chunks.length).toBeLessThanOrEqual(1024)
    expect(traffic.entriesHeld).toBeLessThanOrEqual(4096)
    expect(traffic.entriesHeld).toBe(logs.reduce((n, l) => n + l.chunks.length, 0))
    expect(logs.reduce((n, l) => n + l.bytes + l.droppedBytes, 0)).toBe(20_000)
  })

  it('does not pile up dead records behind an idle session', () => {
    const traffic = new TrafficLog(4096, 1024 * 1024)
    const idle = new SessionLog()
    const busy = new SessionLog()
    traffic.record(idle, 'in', bytesOf(8))
    for (let i = 0; i < 100_000; i++) traffic.record(busy, 'in', bytesOf(8))
    expect(busy.chunks.length).toBe(64)
    expect(idle.bytes).toBe(8)
    // Without compaction the global queue would hold ~100,000.
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
    traffic.record(log, 'in', bytesOf(500))
    traffic.release(log)
    expect(traffic.bytesHeld).toBe(0)
    expect(traffic.entriesHeld).toBe(0)
    expect(log.droppedBytes).toBe(500)
    expect(traffic.range(log, 0, 10)).toEqual([])
  })
})
