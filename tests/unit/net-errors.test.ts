// The mapping for errors that cannot be produced here without sending traffic off the
// machine (unreachable hosts, DNS): the same function the real paths use.
import { describe, expect, it } from 'vitest'
import { connectFailure, listenFailure } from '../../src/main/net-errors'

const errno = (code: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code} from the OS`), { code })

describe('socket errors as sentences', () => {
  it('EHOSTUNREACH and ENETUNREACH say the host cannot be reached', () => {
    for (const code of ['EHOSTUNREACH', 'ENETUNREACH']) {
      const f = connectFailure(errno(code), { protocol: 'tcp', where: '10.9.9.9:80' })
      expect(f.code).toBe(code)
      expect(f.message).toBe('10.9.9.9:80 cannot be reached from this machine.')
      expect(f.hint).toMatch(/routes/)
    }
  })

  it('DNS failures say the name could not be resolved', () => {
    expect(
      connectFailure(errno('ENOTFOUND'), { protocol: 'tcp', where: 'nohost.invalid:80' }).message
    ).toMatch(/could not be resolved/)
  })

  it('an unknown errno keeps its code and the OS’s words', () => {
    const f = listenFailure(errno('EWEIRD'), { protocol: 'tcp', where: '127.0.0.1:1', port: 1 })
    expect(f.code).toBe('EWEIRD')
    expect(f.message).toContain('EWEIRD from the OS')
  })

  it('EADDRINUSE without a known holder still gives a way out', () => {
    const f = listenFailure(errno('EADDRINUSE'), {
      protocol: 'udp',
      where: '127.0.0.1:53',
      port: 53,
      holder: null
    })
    expect(f.message).toBe('Port 53 (UDP) is already in use on 127.0.0.1:53.')
    expect(f.hint).toMatch(/0 picks any free one/)
  })
})
