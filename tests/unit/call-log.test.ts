import { describe, expect, it } from 'vitest'
import { CALL_LOG_DROP_BATCH, CALL_LOG_MAX_STEPS, CallLog } from '../../src/main/echo/call-log'

describe('the call log', () => {
  it('coalesces a run of writes into one step with their count and bytes; a read starts a new run', () => {
    const log = new CallLog()
    log.add('accept', 9, null, 1)
    log.io('write', 10, 9, 2)
    log.io('write', 4, 9, 3)
    log.io('read', 14, 9, 4)
    expect(log.list().map((s) => [s.kind, s.count, s.bytes, s.at, s.until])).toEqual([
      ['accept', 1, null, 1, 1],
      ['write', 2, 14, 2, 3],
      ['read', 1, 14, 4, 4]
    ])
  })

  it('keeps the setup steps and drops the oldest later ones past its bound, counting them', () => {
    const log = new CallLog()
    log.add('socket', null)
    log.add('connect', 5)
    const pushed = 3 * CALL_LOG_MAX_STEPS
    for (let i = 0; i < pushed; i++) log.io(i % 2 ? 'read' : 'write', i, 5)
    const steps = log.list()
    expect(steps.length).toBeLessThanOrEqual(CALL_LOG_MAX_STEPS)
    expect(steps.length).toBeGreaterThan(CALL_LOG_MAX_STEPS - CALL_LOG_DROP_BATCH)
    expect(steps.slice(0, 2).map((s) => s.kind)).toEqual(['socket', 'connect'])
    // Every step is either kept or counted; after the first eight (the setup) come the
    // newest, in order, up to the last one pushed.
    expect(log.dropped + steps.length).toBe(pushed + 2)
    const later = steps.slice(8).map((s) => s.bytes)
    expect(later).toEqual(Array.from({ length: later.length }, (_, i) => pushed - later.length + i))
  })

  it('records a kernel state only when it changes', () => {
    const log = new CallLog()
    log.kernelState('ESTABLISHED', 1)
    log.kernelState('ESTABLISHED', 2)
    log.kernelState('TIME_WAIT', 3)
    expect(log.list().map((s) => s.detail)).toEqual(['ESTABLISHED', 'TIME_WAIT'])
  })
})
