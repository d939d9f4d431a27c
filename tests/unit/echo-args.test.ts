// The echo room's new arguments, checked where they land: TLS options for servers and
// clients, closing a session, forgetting closed ones. Bad input says what is wrong.
import { describe, expect, it } from 'vitest'
import { parseCommand } from '../../src/shared/parse-command'

describe('echo arguments', () => {
  it('a TLS server takes both PEM files or neither', () => {
    expect(parseCommand('echo:start', [{ protocol: 'tcp', port: 0, tls: {} }]).args[0]).toEqual({
      protocol: 'tcp',
      port: 0,
      tls: {}
    })
    expect(() =>
      parseCommand('echo:start', [{ protocol: 'tcp', port: 0, tls: { certPath: '/tmp/c.pem' } }])
    ).toThrow(/both a certificate file and its key file, or neither/)
    // TLS is for TCP only.
    expect(() => parseCommand('echo:start', [{ protocol: 'udp', port: 0, tls: {} }])).toThrow(
      /does not take "tls"/
    )
  })

  it('a TLS client: SNI must be a name, ALPN short names, at most 8', () => {
    const ok = parseCommand('client:connect', [
      { protocol: 'tcp', port: 7, tls: { verify: false, servername: 'localhost', alpn: ['h2'] } }
    ])
    expect(ok.args[0]).toMatchObject({ tls: { servername: 'localhost', alpn: ['h2'] } })
    expect(() =>
      parseCommand('client:connect', [
        { protocol: 'tcp', port: 7, tls: { servername: '127.0.0.1.' } }
      ])
    ).toThrow(/server name \(SNI\) must be a host name/)
    expect(() =>
      parseCommand('client:connect', [{ protocol: 'tcp', port: 7, tls: { alpn: ['has space'] } }])
    ).toThrow(/ALPN protocols are short names/)
    expect(() =>
      parseCommand('client:connect', [
        { protocol: 'tcp', port: 7, tls: { alpn: Array.from({ length: 9 }, (_, i) => `p${i}`) } }
      ])
    ).toThrow(/at most 8 ALPN protocols/i)
  })

  it('session:close takes a mode; session:forget takes ids or nothing', () => {
    expect(parseCommand('session:close', ['s-1', { mode: 'reset' }]).args).toEqual([
      's-1',
      { mode: 'reset' }
    ])
    expect(() => parseCommand('session:close', ['s-1', { mode: 'kill' }])).toThrow(
      /The mode "kill" is not valid/
    )
    expect(parseCommand('session:forget', [{}]).args).toEqual([{}])
    expect(() => parseCommand('session:forget', [{ ids: ['../etc'] }])).toThrow(
      /is not a server, client or session this app has made/
    )
  })
})
