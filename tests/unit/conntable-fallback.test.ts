// Where netlink cannot run (no koffi for the platform, no sock_diag), the table falls back
// to its fallback source and says why. That machine cannot exist here, so a source that
// fails with NetlinkSource's own failure stands in for it.
import { describe, expect, it } from 'vitest'
import { netlinkUnavailable } from '../../src/main/conntable/netlink-source'
import { makeRow } from '../../src/main/conntable/row'
import { ConnTable } from '../../src/main/conntable/table'
import { say } from '../../src/renderer/src/i18n/say'
import { i18n } from '../../src/renderer/src/i18n'

describe('connection table fallback', () => {
  it('switches to the fallback source once and reports why in its status', async () => {
    const row = makeRow({
      protocol: 'tcp',
      family: 'ipv4',
      localAddress: '127.0.0.1',
      localPort: 1,
      remoteAddress: null,
      remotePort: null,
      state: 'LISTEN',
      sendQueue: 0,
      recvQueue: 0,
      owners: []
    })
    const table = new ConnTable({
      sources: [
        {
          id: 'netlink',
          make: () => ({
            id: 'netlink',
            read: () => Promise.reject(netlinkUnavailable('no koffi'))
          }),
          detect: async () => ({ id: 'netlink', available: false, detail: 'no koffi' })
        },
        {
          id: 'procfs',
          make: () => ({ id: 'procfs', read: async () => ({ rows: [row], blind: [] }) }),
          detect: async () => ({ id: 'procfs', available: true, detail: '/proc/net' })
        }
      ],
      defaultSource: 'netlink',
      fallbackSource: 'procfs',
      emit: () => undefined
    })
    const snap = await table.snapshot()
    expect(snap.source).toBe('procfs')
    expect(snap.rows.map((r) => r.localPort)).toEqual([1])
    expect(table.status()).toMatchObject({
      source: 'procfs',
      health: 'degraded',
      blind: ['netlink sock_diag cannot be used here: no koffi.']
    })
    // The status bar's words for it, in Korean (the reason itself is the system's).
    const { blind, blindSaid } = table.status()
    const ko = i18n.cloneInstance({ lng: 'ko' })
    expect(say(blindSaid?.[blind[0]!], blind[0]!, ko)).toBe(
      '여기서는 netlink sock_diag를 쓸 수 없습니다: no koffi.'
    )
  })
})
