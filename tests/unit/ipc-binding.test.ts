import { afterEach, describe, expect, it, vi } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { bindIpc } from '../../src/main/ipc'
import { createBridge } from '../../src/preload/bridge'
import { toApi } from '../../src/renderer/src/api/to-api'
import { CommandError } from '../../src/renderer/src/api/command-error'
import { COMMAND_NAMES } from '../../src/shared/contract'
import type { InspectorApi, InspectorBridge } from '../../src/shared/contract'
import type { Notice } from '../../src/shared/model'
import { FakeIpcMain, FakeIpcRenderer, FakeWebContents } from '../support/fake-electron-ipc'

const OUR_PAGE = 'file:///app/out/renderer/index.html'
const trustOurPage = (url: string | undefined): boolean => url === OUR_PAGE

interface Setup {
  readonly inspector: Inspector
  readonly ipcMain: FakeIpcMain
  readonly unbind: () => void
  readonly contents: FakeWebContents
  readonly renderer: FakeIpcRenderer
  readonly bridge: InspectorBridge
  readonly api: InspectorApi
}

function setup(frameUrl = OUR_PAGE): Setup {
  const inspector = new Inspector({ shell: 'test' })
  const ipcMain = new FakeIpcMain()
  const unbind = bindIpc(ipcMain.asIpcMain(), inspector, trustOurPage)
  const contents = new FakeWebContents()
  const renderer = new FakeIpcRenderer(ipcMain, contents, frameUrl)
  const bridge = createBridge(renderer.asIpcRenderer())
  return { inspector, ipcMain, unbind, contents, renderer, bridge, api: toApi(bridge) }
}

let cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const fn of cleanups) await fn()
  cleanups = []
})

describe('Electron IPC binding (preload bridge → ipcMain → core)', () => {
  it('registers one handler per command and answers app:info from the real core', async () => {
    const s = setup()
    cleanups.push(s.unbind, () => s.inspector.close())
    expect([...s.ipcMain.handlers.keys()]).toEqual(COMMAND_NAMES.map((n) => `cmd:${n}`))
    const info = await s.api['app:info']()
    expect(info.pid).toBe(process.pid)
    expect(info.platform).toBe(process.platform)
    expect(info.shell).toBe('test')
    expect(info.versions.node).toBe(process.versions.node)
  })

  it('validates arguments in main and returns code, message and hint intact', async () => {
    const s = setup()
    cleanups.push(s.unbind)
    const call = s.bridge['app:info'] as unknown as (...a: unknown[]) => Promise<unknown>
    const result = await call('unexpected')
    expect(result).toMatchObject({ ok: false, error: { code: 'EINVAL' } })
    const viaApi = (s.api['app:info'] as unknown as (...a: unknown[]) => Promise<unknown>)(1)
    await expect(viaApi).rejects.toBeInstanceOf(CommandError)
    await expect(viaApi).rejects.toMatchObject({ code: 'EINVAL', hint: expect.any(String) })
  })

  it('refuses a sender that is not our page', async () => {
    const s = setup('https://evil.example/')
    cleanups.push(s.unbind)
    await expect(s.api['app:info']()).rejects.toMatchObject({ code: 'EPERM' })
    s.bridge.on('app:notice', () => undefined)
    expect(s.inspector.listenerCount('app:notice')).toBe(0)
  })

  it('forwards events without Electron’s event object and unsubscribes on the last listener', () => {
    const s = setup()
    cleanups.push(s.unbind)
    const seen: unknown[][] = []
    const off1 = s.bridge.on('app:notice', (...args: unknown[]) => seen.push(args))
    const off2 = s.bridge.on('app:notice', () => undefined)
    // Two page listeners share one subscription in main.
    expect(s.inspector.listenerCount('app:notice')).toBe(1)
    s.inspector.notify({ level: 'info', code: 'TEST', message: 'hello' })
    expect(seen).toHaveLength(1)
    expect(seen[0]).toHaveLength(1)
    expect((seen[0]![0] as Notice).message).toBe('hello')
    off1()
    expect(s.inspector.listenerCount('app:notice')).toBe(1)
    off2()
    expect(s.inspector.listenerCount('app:notice')).toBe(0)
  })

  it('sends nothing to a destroyed window and drops its subscriptions', () => {
    const s = setup()
    cleanups.push(s.unbind)
    s.bridge.on('app:notice', () => undefined)
    s.contents.destroy()
    expect(s.inspector.listenerCount('app:notice')).toBe(0)
    expect(() => s.inspector.notify({ level: 'info', code: 'T', message: 'late' })).not.toThrow()
    expect(s.contents.sent).toHaveLength(0)
  })

  it('ignores subscriptions to events the contract does not have', () => {
    const s = setup()
    cleanups.push(s.unbind)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    s.renderer.send('events:subscribe', 'no:such-event')
    expect(warn).toHaveBeenCalledOnce()
    warn.mockRestore()
    expect(() => s.bridge.on('no:such-event' as 'app:notice', () => undefined)).toThrow(
      /unknown event/
    )
  })

  it('removes every handler when unbound', () => {
    const s = setup()
    s.unbind()
    expect(s.ipcMain.handlers.size).toBe(0)
    expect(s.ipcMain.listenerCount('events:subscribe')).toBe(0)
  })
})
