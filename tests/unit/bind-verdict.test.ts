// The verdict's rules where this machine cannot show them by binding: privilege, other
// systems' rules, an unseen holder. (The Linux cases are checked against real binds in
// tests/integration/actions-port.test.ts.)
import { describe, expect, it } from 'vitest'
import { judgeBind } from '../../src/main/actions/bind-verdict'
import type { BindEnv } from '../../src/main/actions/bind-verdict'
import type { PortHolderInfo } from '../../src/shared/actions-model'
import { expandIpv6 } from '../../src/main/conntable/sock-diag'

const LINUX: BindEnv = {
  platform: 'linux',
  lowPortLimit: 1024,
  canBindLowPorts: false,
  defaultV6only: false,
  ephemeral: [32768, 60999],
  blind: false
}

function listener(
  localAddress: string,
  port: number,
  extra: Partial<PortHolderInfo> = {}
): PortHolderInfo {
  return {
    rowId: `tcp:${localAddress}:${port}`,
    protocol: 'tcp',
    family: localAddress.includes(':') ? 'ipv6' : 'ipv4',
    localAddress,
    localPort: port,
    remoteAddress: null,
    remotePort: null,
    state: 'LISTEN',
    role: 'listener',
    v6only: null,
    uid: 0,
    user: 'root',
    owners: [{ pid: 812, process: 'nginx', fd: 6 }],
    commandLine: null,
    leftBy: null,
    closedAt: null,
    timeWaitEndsAt: null,
    timeWaitEndsEstimated: true,
    sessionId: null,
    listenerId: null,
    ...extra
  }
}

describe('judgeBind', () => {
  it('a port below 1024 without root or CAP_NET_BIND_SERVICE cannot be bound, and says why', () => {
    const v = judgeBind('127.0.0.1', 80, [], LINUX, null, 0)
    expect(v.canBind).toBe(false)
    expect(v.sentence).toBe(
      'You cannot bind 127.0.0.1:80 now, because ports below 1024 need root or CAP_NET_BIND_SERVICE, and this process has neither.'
    )
    expect(
      judgeBind('127.0.0.1', 80, [], { ...LINUX, canBindLowPorts: true }, null, 0).canBind
    ).toBe(true)
  })

  it('names the holder that blocks, and the one that does not', () => {
    const v = judgeBind('127.0.0.1', 8080, [listener('0.0.0.0', 8080)], LINUX, null, 0)
    expect(v).toMatchObject({ canBind: false, blockers: ['tcp:0.0.0.0:8080'] })
    expect(v.sentence).toMatch(
      /because nginx \(pid 812\) listens on 0\.0\.0\.0:8080, which covers every IPv4 address\.$/
    )
    const other = judgeBind('127.0.0.1', 8080, [listener('::1', 8080)], LINUX, null, 0)
    expect(other.sentence).toBe(
      'You can bind 127.0.0.1:8080 now, because nginx (pid 812) holds only [::1]:8080.'
    )
  })

  it('a [::] holder whose v6only is unknown follows the OS default', () => {
    const dual = judgeBind('127.0.0.1', 8080, [listener('::', 8080)], LINUX, null, 0)
    expect(dual.canBind).toBe(false)
    const v6 = judgeBind(
      '127.0.0.1',
      8080,
      [listener('::', 8080)],
      { ...LINUX, defaultV6only: true },
      null,
      0
    )
    expect(v6.canBind).toBe(true)
  })

  it('on macOS a specific address beside a wildcard depends on SO_REUSEADDR: a bind attempt decides', () => {
    const mac = { ...LINUX, platform: 'darwin', lowPortLimit: 0 }
    const guess = judgeBind('127.0.0.1', 8080, [listener('0.0.0.0', 8080)], mac, null, 0)
    expect(guess.canBind).toBe(false)
    expect(guess.sentence).toMatch(/darwin allows that only when both set SO_REUSEADDR/)
    expect(judgeBind('127.0.0.1', 8080, [listener('0.0.0.0', 8080)], mac, true, 0).canBind).toBe(
      true
    )
  })

  it('a refused bind with no holder in sight blames what the table cannot see', () => {
    const v = judgeBind('127.0.0.1', 8080, [], { ...LINUX, blind: true }, false, 0)
    expect(v.sentence).toMatch(/a socket this app cannot see holds it/)
  })

  it('a UDP port is shared only when every socket sets SO_REUSEADDR', () => {
    const udp = listener('127.0.0.1', 5353, { protocol: 'udp', state: 'UNCONN', role: 'bound' })
    expect(judgeBind('0.0.0.0', 5353, [udp], LINUX, null, 0).sentence).toMatch(
      /UDP port is shared only when/
    )
  })
})

describe('expandIpv6', () => {
  it('expands the forms sock_diag and the table print', () => {
    expect(expandIpv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1])
    expect(expandIpv6('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1])
    expect(expandIpv6('fe80::1:2')).toEqual([0xfe80, 0, 0, 0, 0, 0, 1, 2])
    expect(expandIpv6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0])
  })
})
