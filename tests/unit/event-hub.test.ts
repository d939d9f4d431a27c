import { describe, expect, it, vi } from 'vitest'
import { EventHub } from '../../src/shared/event-hub'

interface TestEvents {
  tick: number
  other: string
}

describe('EventHub', () => {
  it('starts an event’s producer on the first listener and stops it on the last', () => {
    const hub = new EventHub<TestEvents>()
    const activity = { start: vi.fn(), stop: vi.fn() }
    hub.setActivity('tick', activity)
    const a = hub.on('tick', () => undefined)
    const b = hub.on('tick', () => undefined)
    expect(activity.start).toHaveBeenCalledTimes(1)
    a()
    a()
    expect(activity.stop).not.toHaveBeenCalled()
    b()
    expect(activity.stop).toHaveBeenCalledTimes(1)
    hub.on('other', () => undefined)
    expect(activity.start).toHaveBeenCalledTimes(1)
  })

  it('delivers to every listener even when one throws', () => {
    const hub = new EventHub<TestEvents>()
    const seen: number[] = []
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    hub.on('tick', () => {
      throw new Error('broken subscriber')
    })
    hub.on('tick', (n) => seen.push(n))
    hub.emit('tick', 7)
    expect(seen).toEqual([7])
    expect(error).toHaveBeenCalledOnce()
    error.mockRestore()
  })

  it('lets the same function subscribe twice and leave once', () => {
    const hub = new EventHub<TestEvents>()
    const fn = vi.fn()
    const off = hub.on('tick', fn)
    hub.on('tick', fn)
    off()
    hub.emit('tick', 1)
    expect(fn).toHaveBeenCalledTimes(1)
    expect(hub.count('tick')).toBe(1)
  })
})
