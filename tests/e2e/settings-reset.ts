// The served core is shared by every spec in a worker, and it remembers settings (filter,
// columns, dock, theme, the last view…): each test starts from the defaults, put back
// through the real WebSocket and `settings:set` (fixtures.ts does it before every test).
import WebSocket from 'ws'
import { defaultSettings } from '../../src/shared/settings-schema'
import { WS_PATH } from '../../src/shared/wire'
import type { ServerMessage } from '../../src/shared/wire'

/** The part of `Served` this needs (fixtures.ts imports this file). */
interface ServedUrl {
  readonly url: string
}

export async function resetSettings(served: ServedUrl): Promise<void> {
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
    ws.send(JSON.stringify({ t: 'call', id: 1, name: 'settings:set', args: [defaultSettings()] }))
    const m = await answer
    if (m.t === 'result' && !m.result.ok) throw new Error(m.result.error.message)
  } finally {
    ws.close()
  }
}
