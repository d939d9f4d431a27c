// A core restart, as the renderer's echo store sees it: the servers and sessions the dead
// core held are shown as ended, saying why — never left looking live. The store talks to a
// real core through the real wire binding and client, joined in memory.
import { afterEach, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { WirePeer } from '../../src/main/wire-peer'
import { toApi } from '../../src/renderer/src/api/to-api'
import { EchoStore } from '../../src/renderer/src/store/echo-store'
import { createWireClient } from '../../src/shared/wire-client'
import { waitFor } from '../support/net'

const inspectors: Inspector[] = []
afterEach(async () => {
  for (const i of inspectors.splice(0)) await i.close()
})

function apiOver(core: Inspector): ReturnType<typeof toApi> {
  let peer: WirePeer | null = null
  const client = createWireClient(
    (text) => {
      setImmediate(() => peer?.receive(text))
      return true
    },
    { lostWith: { ok: false, error: { code: 'ECORELOST', message: 'gone' } } }
  )
  peer = new WirePeer(
    core,
    {
      write: (text, done) => {
        setImmediate(() => client.receive(text))
        done()
      },
      unreadBytes: () => 0,
      close: () => undefined
    },
    'store'
  )
  return toApi(client.bridge)
}

describe('EchoStore after a core restart', () => {
  it('shows the dead core’s servers and sessions as ended, with the reason', async () => {
    const core = new Inspector({ shell: 'test' })
    inspectors.push(core)
    const api = apiOver(core)
    const store = new EchoStore(api, (fn) => setImmediate(fn))
    store.start()
    const server = await api['echo:start']({ protocol: 'tcp', port: 0 })
    const client = await api['client:connect']({ protocol: 'tcp', port: server.port! })
    await waitFor(() =>
      store.getState().sessions.some((s) => s.id === client.id && s.state === 'open')
    )

    store.coreLost()
    await waitFor(() => store.getState().sessions.every((s) => s.state === 'closed'))
    const state = store.getState()
    expect(state.listeners.map((l) => l.state)).toEqual(['stopped'])
    for (const s of state.sessions) {
      expect(s.closeReason).toBe('error')
      expect(s.error?.message).toMatch(/core that held it stopped and was restarted/)
    }
  })
})
