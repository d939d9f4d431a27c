import { describe, expect, it } from 'vitest'
import { checkFilter, matches, parseFilter } from '../../src/shared/row-filter'
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
  })

  it('leaves out what it cannot use and says why, in the words typed', () => {
    const said = (text: string): string[] => checkFilter(text).problems.map((p) => p.message)
    expect(checkFilter('port:abc nginx')).toEqual({
      terms: [{ kind: 'text', value: 'nginx' }],
      problems: [
        {
          word: 'port:abc',
          message:
            '“port:abc”: a port is a number from 0 to 65535 or a service name, like port:8080 or port:ssh.',
          // The renderer says it in the user's language from these.
          id: 'badPort',
          params: { word: 'port:abc', max: 65535 }
        }
      ]
    })
    expect(said('port:70000')).toEqual([
      '“port:70000”: a port is a number from 0 to 65535 or a service name, like port:8080 or port:ssh.'
    ])
    expect(said('pid:x')).toEqual(['“pid:x”: a pid is a whole number, like pid:1234.'])
    expect(said('foo:bar')).toEqual([
      '“foo” is not a filter key. Use port:, pid:, state:, proc:, proto: or mine; any other word is searched as text.'
    ])
    expect(said('proto:sctp')).toEqual([
      '“proto:sctp”: the protocol is one of tcp, tcp6, udp, udp6, unix.'
    ])
    expect(said('state:')).toEqual([
      '“state:” needs a value after the colon, for example state:listen.'
    ])
  })

  it('keeps addresses with colons as text, and finds a row by its address as printed', () => {
    for (const word of ['127.0.0.1:7007', '::1', 'fe80::1', '[::1]:80', 'dead:beef::1'])
      expect(checkFilter(word)).toEqual({ terms: [{ kind: 'text', value: word }], problems: [] })
    expect(matches(row({}), parseFilter('127.0.0.1:7007'))).toBe(true)
    const v6 = row({ family: 'ipv6', localAddress: '::1', localPort: 80 })
    expect(matches(v6, parseFilter('[::1]:80'))).toBe(true)
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
