// The pure parts of the table's views: toggles, export formats, the life-cycle timeline
// and the state history behind the Overview chart.
import { describe, expect, it } from 'vitest'
import { StateHistory, stateGroup } from '../../src/renderer/src/store/state-history'
import { lifeCycle } from '../../src/renderer/src/views/connections/row-details'
import { countStates } from '../../src/renderer/src/store/state-counts'
import {
  DEFAULT_TOGGLES,
  isLoopbackRow,
  passesToggles
} from '../../src/renderer/src/views/connections/toggles'
import { formatCsv, formatJson, formatTable } from '../../src/shared/row-format'
import { lifeOf } from '../support/core-history'
import { row } from '../support/table-row'

describe('table toggles', () => {
  const lo = row({})
  const wide = row({ id: 'b', localAddress: '0.0.0.0' })
  const out = row({
    id: 'c',
    localAddress: '127.0.0.1',
    remoteAddress: '10.1.2.3',
    remotePort: 443,
    state: 'ESTABLISHED'
  })
  const v6 = row({ id: 'd', family: 'ipv6', localAddress: '::1', protocol: 'udp', state: 'UNCONN' })
  const unix = row({ id: 'e', protocol: 'unix', family: 'unix', localAddress: '', localPort: null })

  it('hide loopback hides sockets with both ends (or the only end) on loopback', () => {
    expect([lo, wide, out, v6, unix].map(isLoopbackRow)).toEqual([true, false, false, true, false])
    const t = { ...DEFAULT_TOGGLES, hideLoopback: true }
    expect([lo, wide, out, v6, unix].filter((r) => passesToggles(r, t)).map((r) => r.id)).toEqual([
      'b',
      'c',
      'e'
    ])
  })

  it('protocol switches and hidden states filter; a state never seen stays shown', () => {
    const t = { ...DEFAULT_TOGGLES, protocols: new Set(['tcp'] as const) }
    expect([lo, v6, unix].filter((r) => passesToggles(r, t)).map((r) => r.id)).toEqual(['tcp:1'])
    const noListen = { ...DEFAULT_TOGGLES, hiddenStates: new Set(['LISTEN']) }
    expect(passesToggles(lo, noListen)).toBe(false)
    expect(passesToggles(row({ state: 'SYN_SENT' }), noListen)).toBe(true)
  })

  it('counts states, most first (ties by name), stateless sockets as —', () => {
    expect(countStates([lo, wide, out, row({ state: null })])).toEqual([
      ['LISTEN', 2],
      ['—', 1],
      ['ESTABLISHED', 1]
    ])
  })
})

describe('row export', () => {
  const odd = row({
    localAddress: '/tmp/a,"b".sock',
    protocol: 'unix',
    localPort: null,
    owners: [
      { pid: 1, process: 'my "app"', fd: 3 },
      { pid: 2, process: 'x', fd: null }
    ]
  })

  it('CSV: a header, CRLF lines, RFC 4180 quoting', () => {
    const csv = formatCsv([row({}), odd])
    const lines = csv.split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[3]).toBe('')
    expect(lines[0]!.split(',').slice(0, 4)).toEqual([
      'protocol',
      'family',
      'local_address',
      'local_port'
    ])
    expect(lines[1]).toMatch(/^tcp,ipv4,127\.0\.0\.1,7007,,,LISTEN,0,0,1,0,812,nginx,6,/)
    expect(lines[2]).toContain('unix,ipv4,"/tmp/a,""b"".sock",,')
    expect(lines[2]).toContain(',1 2,"my ""app"" x",3 ,')
  })

  it('JSON keeps the model field names; the text table reads like ss', () => {
    expect(JSON.parse(formatJson([row({})]))[0]).toMatchObject({ localPort: 7007, state: 'LISTEN' })
    expect(formatTable([row({})]).split('\n')).toEqual([
      'Proto  State   Recv-Q  Send-Q  Local           Peer  Process',
      'tcp    LISTEN       0       0  127.0.0.1:7007  *     nginx(812,fd 6)'
    ])
  })
})

describe('life cycle', () => {
  it('gives each state the core saw its duration, and a vanished socket one close step', async () => {
    // Seen as ESTABLISHED, then FIN_WAIT2, then TIME_WAIT, then gone: one poll a second.
    const { row: r, now } = await lifeOf(['01', '01', '05', '06', null])
    expect(r.closingSince).not.toBeNull()
    expect(lifeCycle(r, now)).toEqual([
      { state: 'ESTABLISHED', since: r.history[0]!.since, ms: 2_000, current: false },
      { state: 'FIN_WAIT2', since: r.history[1]!.since, ms: 1_000, current: false },
      { state: 'TIME_WAIT', since: r.history[2]!.since, ms: 1_000, current: false },
      { state: 'CLOSED', since: r.closingSince, ms: 1_000, current: true }
    ])
  })

  it('a live socket’s last state is current and lasts until now', async () => {
    const { row: r, now } = await lifeOf(['0A', '0A', '0A'])
    expect(lifeCycle(r, now)).toEqual([
      { state: 'LISTEN', since: r.history[0]!.since, ms: 3_000, current: true }
    ])
  })
})

describe('state history (Overview)', () => {
  it('groups states the way a socket lives, one sample a second, five minutes kept', () => {
    expect(
      ['LISTEN', 'SYN_RECV', 'FIN_WAIT2', 'CLOSE_WAIT', 'TIME_WAIT', 'UNCONN', null].map((state) =>
        stateGroup({ state })
      )
    ).toEqual(['LISTEN', 'SYN', 'CLOSING', 'CLOSING', 'TIME_WAIT', 'UNCONNECTED', 'UNCONNECTED'])
    const h = new StateHistory()
    h.sample(1_000, [{ state: 'LISTEN' }])
    h.sample(1_500, [{ state: 'LISTEN' }, { state: 'ESTABLISHED' }])
    h.sample(2_000, [{ state: 'TIME_WAIT' }])
    expect(h.series()).toEqual([
      { t: 1, LISTEN: 1, SYN: 0, ESTABLISHED: 1, CLOSING: 0, TIME_WAIT: 0, UNCONNECTED: 0 },
      { t: 2, LISTEN: 0, SYN: 0, ESTABLISHED: 0, CLOSING: 0, TIME_WAIT: 1, UNCONNECTED: 0 }
    ])
    for (let s = 3; s < 400; s++) h.sample(s * 1_000, [])
    expect(h.series()).toHaveLength(300)
    expect(h.series()[0]!.t).toBe(100)
  })
})
