// The state diagram's path for histories the core really produces: /proc/net/tcp lines (the
// kernel's format) through the procfs parser and the live table, poll by poll, with the
// kernel's state numbers changing between polls as a socket lives and dies.
import { describe, expect, it } from 'vitest'
import { diagramPath, simpleLife } from '../../src/renderer/src/views/teach/diagram-path'
import { lifeOf } from '../support/core-history'

describe('a socket’s path on the TCP state diagram', () => {
  it('LISTEN only: one state, current, no transitions', async () => {
    const { row, now } = await lifeOf(['0A', '0A', '0A'])
    const path = diagramPath(row.history, row.closingSince, now)
    expect(path.visits.map((v) => v.state)).toEqual(['LISTEN'])
    expect(path.edges).toEqual([])
    expect(path.current).toBe('LISTEN')
    expect(path.visits[0]!.ms).toBe(3000)
  })

  it('the side that closes first: SYN_SENT → ESTABLISHED → FIN_WAIT1 → FIN_WAIT2 → TIME_WAIT → gone', async () => {
    const { row, now } = await lifeOf(['02', '01', '01', '04', '05', '06', '06', null])
    const path = diagramPath(row.history, row.closingSince, now)
    expect(path.visits.map((v) => v.state)).toEqual([
      'SYN_SENT',
      'ESTABLISHED',
      'FIN_WAIT1',
      'FIN_WAIT2',
      'TIME_WAIT',
      'CLOSED'
    ])
    expect(path.edges.every((e) => !e.inferred)).toBe(true)
    expect(path.visits[1]!.ms).toBe(2000)
    expect(path.current).toBeNull()
  })

  it('the side that closes second: ESTABLISHED → CLOSE_WAIT → LAST_ACK → gone', async () => {
    const { row, now } = await lifeOf(['01', '08', '08', '09', null])
    const path = diagramPath(row.history, row.closingSince, now)
    expect(path.visits.map((v) => v.state)).toEqual([
      'ESTABLISHED',
      'CLOSE_WAIT',
      'LAST_ACK',
      'CLOSED'
    ])
    expect(path.edges.map((e) => `${e.from}>${e.to}:${e.inferred}`)).toEqual([
      'ESTABLISHED>CLOSE_WAIT:false',
      'CLOSE_WAIT>LAST_ACK:false',
      'LAST_ACK>CLOSED:false'
    ])
  })

  it('a state that came and went between two polls is drawn as inferred', async () => {
    // FIN_WAIT1 and FIN_WAIT2 both passed between two polls.
    const { row, now } = await lifeOf(['01', '06'])
    const path = diagramPath(row.history, row.closingSince, now)
    expect(path.visits.map((v) => [v.state, v.since === null])).toEqual([
      ['ESTABLISHED', false],
      ['FIN_WAIT1', true],
      ['TIME_WAIT', false]
    ])
    expect(path.edges).toEqual([
      { from: 'ESTABLISHED', to: 'FIN_WAIT1', inferred: true },
      { from: 'FIN_WAIT1', to: 'TIME_WAIT', inferred: true }
    ])
    expect(path.current).toBe('TIME_WAIT')
  })

  it('UDP: bound, then connected, then closed', async () => {
    // A UDP socket: 07 (unconnected) until connect(), then 01 (connected), then gone.
    const { row } = await lifeOf(['07', '01', null], 'udp')
    expect(simpleLife(row.history, row.closingSince).map((s) => s.stage)).toEqual([
      'bound',
      'connected',
      'closed'
    ])
  })
})
