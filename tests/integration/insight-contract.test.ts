// The processes, names, history and alerts rooms through the contract (Inspector + the
// same validation as the shells): what the UI and the CLI get.
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { invoke } from '../../src/main/dispatch'
import { Inspector } from '../../src/main/inspector'
import type { Alert } from '../../src/shared/alert-rules'
import { listenAlone, unusedPort, waitFor } from '../support/net'

const linux = process.platform === 'linux'
if (!linux) console.log('these rooms read the Linux table here; skipped on other systems')

const inspector = new Inspector({ shell: 'test', configDir: null })
const servers: Server[] = []
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r))
  await inspector.close()
})

describe.runIf(linux)('insight rooms through the contract', () => {
  it('alert:fired comes once when a rule’s port starts listening', async () => {
    const port = await unusedPort()
    await invoke(inspector, 'settings:set', {
      alerts: { rules: [{ id: 'a', text: `listen port:${port}`, enabled: true }], notify: false }
    })
    const fired: Alert[] = []
    const off = inspector.on('alert:fired', (a) => fired.push(a))
    let polls = 0
    const offDiff = inspector.on('table:diff', () => polls++)
    await waitFor(() => polls >= 1, 'the baseline poll')
    const server = createServer()
    servers.push(server)
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()))
    await waitFor(() => fired.length > 0, 'the alert')
    const after = polls
    await waitFor(() => polls >= after + 2, 'two more polls')
    off()
    offDiff()
    expect(fired).toHaveLength(1)
    expect(fired[0]).toMatchObject({ ruleId: 'a', kind: 'listen', pid: process.pid })
    expect((await invoke(inspector, 'alerts:recent')).alerts.map((a) => a.seq)).toEqual([
      fired[0]!.seq
    ])
  })

  it('refuses a bad rule in settings:set, saying which rule and why', async () => {
    await expect(
      invoke(inspector, 'settings:set', {
        alerts: { rules: [{ id: 'b', text: 'count lots', enabled: true }], notify: true }
      })
    ).rejects.toThrow(/rule "count lots": "count" needs how many connections/i)
  })

  it('process:tree answers this process with its listening port, filtered', async () => {
    const server = createServer()
    servers.push(server)
    // `port:` matches any socket whose local or remote port is this number; on a busy
    // machine a TIME_WAIT left by another process can share it, so take a port none does.
    const port = await listenAlone(server)
    const nodes = await invoke(inspector, 'process:tree', `port:${port}`)
    expect(nodes.map((n) => n.pid)).toEqual([process.pid])
    expect(nodes[0]!.listening).toEqual([port])
    expect(nodes[0]!.byState).toEqual({ LISTEN: 1 })
  })

  it('names: services from the file, hosts only for IP addresses', async () => {
    const services = await invoke(inspector, 'names:services')
    expect(services.path).toBe('/etc/services')
    expect(services.entries.find((e) => e.port === 22 && e.protocol === 'tcp')?.name).toBe('ssh')
    await expect(invoke(inspector, 'names:hosts', ['example.com'])).rejects.toThrow(
      /"example\.com" is not valid/
    )
    await invoke(inspector, 'names:configure', { reverseDns: true })
    let answer = await invoke(inspector, 'names:hosts', ['127.0.0.1'])
    await waitFor(async () => {
      answer = await invoke(inspector, 'names:hosts', ['127.0.0.1'])
      return answer['127.0.0.1'] !== null
    }, 'the lookup answered')
    expect(answer).toEqual({ '127.0.0.1': 'localhost' })
  })

  it('history: switched on and off, with its bounds', async () => {
    const on = await invoke(inspector, 'history:configure', { enabled: true })
    expect(on).toMatchObject({ enabled: true, maxRows: 10_000, dropped: 0 })
    expect((await invoke(inspector, 'history:configure', { enabled: false })).enabled).toBe(false)
  })
})
