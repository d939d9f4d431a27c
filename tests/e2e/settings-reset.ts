// The served core is shared by every spec in a worker, and it remembers settings: a spec
// that changes them (filter, columns, dock, theme, last view) puts them back, so the next
// spec starts from the defaults. Through the real WebSocket and `settings:set`.
import type { BrowserContext } from '@playwright/test'
import WebSocket from 'ws'
import { DEFAULT_CONNECTIONS } from '../../src/shared/connections-settings'
import { WS_PATH } from '../../src/shared/wire'
import type { ServerMessage } from '../../src/shared/wire'
import type { Served } from './fixtures'

const DEFAULTS = { theme: 'system', lastView: 'connections', connections: DEFAULT_CONNECTIONS }

export async function resetSettings(served: Served): Promise<void> {
  const url = new URL(served.url)
  const ws = new WebSocket(`ws://${url.host}${WS_PATH}${url.search}`)
  try {
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res())
      ws.once('error', rej)
    })
    const answer = new Promise<ServerMessage>((res) =>
      ws.on('message', (data: Buffer) => {
        const m = JSON.parse(data.toString()) as ServerMessage
        if (m.t === 'result' && m.id === 1) res(m)
      })
    )
    ws.send(JSON.stringify({ t: 'call', id: 1, name: 'settings:set', args: [DEFAULTS] }))
    const m = await answer
    if (m.t === 'result' && !m.result.ok) throw new Error(m.result.error.message)
  } finally {
    ws.close()
  }
}

/** Closes the test's pages (their last writes go out), then puts the defaults back. */
export async function leaveSettingsAsFound(context: BrowserContext, served: Served): Promise<void> {
  await context.close()
  await resetSettings(served)
}
