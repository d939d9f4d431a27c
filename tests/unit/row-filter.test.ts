import { describe, expect, it } from 'vitest'
import { matches, parseFilter } from '../../src/shared/row-filter'
import { row } from '../support/table-row'

describe('the table filter', () => {
  it('parses field terms, aliases and free words', () => {
    expect(parseFilter(' port:80  state:listen proc:Node proto:UDP mine nginx ')).toEqual([
      { kind: 'port', value: 80 },
      { kind: 'state', value: 'LISTEN' },
      { kind: 'proc', value: 'node' },
      { kind: 'proto', value: 'udp' },
      { kind: 'mine' },
      { kind: 'text', value: 'nginx' }
    ])
    expect(parseFilter('state:time-wait')).toEqual([{ kind: 'state', value: 'TIME_WAIT' }])
    expect(parseFilter('port:abc')).toEqual([{ kind: 'text', value: 'port:abc' }])
  })

  it('matches port on either end, pid and process of any owner, and ANDs terms', () => {
    const r = row({ remotePort: 51000, remoteAddress: '127.0.0.1', state: 'ESTABLISHED' })
    expect(matches(r, parseFilter('port:51000'))).toBe(true)
    expect(matches(r, parseFilter('port:7007 pid:812 proc:ngi'))).toBe(true)
    expect(matches(r, parseFilter('port:7007 pid:813'))).toBe(false)
    expect(matches(r, parseFilter('state:estab'))).toBe(true)
  })

  it('keeps the app’s own sockets with mine, and matches free text in any column', () => {
    expect(matches(row({}), parseFilter('mine'))).toBe(false)
    expect(matches(row({ listenerId: 'l-1' }), parseFilter('mine'))).toBe(true)
    expect(matches(row({}), parseFilter('127.0.0'))).toBe(true)
    expect(matches(row({ family: 'ipv6' }), parseFilter('proto:tcp6'))).toBe(true)
  })
})
