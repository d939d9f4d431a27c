// Saved echo servers and payloads live in settings under `echo`: servers ticked "start on
// launch" are started by the core when it starts; one that cannot start says why.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { parseCommand } from '../../src/shared/parse-command'
import { unusedPort, waitFor } from '../support/net'

const dir = mkdtempSync(join(tmpdir(), 'si-saved-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('saved echo servers and payloads', () => {
  it('start on launch: the ticked one starts, the unticked does not, a taken port is a notice', async () => {
    const free = await unusedPort()
    const holder = createServer()
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()))
    const taken = (holder.address() as { port: number }).port
    const first = new Inspector({ shell: 'test', configDir: dir })
    const patch = parseCommand('settings:set', [
      {
        echo: {
          savedPayloads: [{ name: 'ping', data: 'ping\\n', encoding: 'text', repeat: 3 }],
          savedServers: [
            { spec: { protocol: 'tcp', port: free }, startOnLaunch: true },
            { spec: { protocol: 'udp', port: 0 }, startOnLaunch: false },
            { spec: { protocol: 'tcp', port: taken }, startOnLaunch: true }
          ]
        }
      }
    ])
    await first.call('settings:set', patch.args)
    await first.close()

    const second = new Inspector({ shell: 'headless', configDir: dir })
    try {
      await waitFor(() => second.internals.startupNotices.length > 0, 'the taken port reported')
      const listeners = await second.call('echo:list', [])
      expect(listeners.map((l) => [l.protocol, l.port])).toEqual([['tcp', free]])
      expect(second.internals.startupNotices[0]?.message).toContain(
        `Port ${taken} is already in use`
      )
      const settings = await second.call('settings:get', [])
      expect(settings.echo.savedPayloads[0]).toEqual({
        name: 'ping',
        data: 'ping\\n',
        encoding: 'text',
        repeat: 3
      })
    } finally {
      await second.close()
      holder.close()
    }
  })

  it('a saved payload without a name, or too big, is refused in words', () => {
    expect(() =>
      parseCommand('settings:set', [
        { echo: { savedPayloads: [{ name: ' ', data: 'x', encoding: 'text' }], savedServers: [] } }
      ])
    ).toThrow(/a saved payload needs a name/i)
    expect(() =>
      parseCommand('settings:set', [
        {
          echo: {
            savedPayloads: [{ name: 'big', data: 'x'.repeat(70_000), encoding: 'text' }],
            savedServers: []
          }
        }
      ])
    ).toThrow(/send bigger ones from a file/)
  })
})
