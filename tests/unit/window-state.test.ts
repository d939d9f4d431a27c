import { mkdtemp, writeFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadWindowState, placeOnDisplays, saveWindowState } from '../../src/main/window-state'

const dir = mkdtemp(join(tmpdir(), 'si-window-'))
afterAll(async () => rm(await dir, { recursive: true, force: true }))

describe('window state', () => {
  it('comes back as it was saved', async () => {
    const file = join(await dir, 'state.json')
    const state = { bounds: { x: 40, y: 60, width: 1200, height: 700 }, maximized: true }
    await saveWindowState(file, state)
    expect(await loadWindowState(file)).toEqual(state)
  })

  it('is ignored when the file is corrupt or holds nonsense', async () => {
    const file = join(await dir, 'bad.json')
    await writeFile(file, '{"bounds": {"x": "left"}')
    expect(await loadWindowState(file)).toBeNull()
    await writeFile(
      file,
      JSON.stringify({ bounds: { x: 0, y: 0, width: 5, height: 5 }, maximized: false })
    )
    expect(await loadWindowState(file)).toBeNull()
    expect(await loadWindowState(join(await dir, 'missing.json'))).toBeNull()
  })

  it('keeps a place that is on a display and drops one on a display that is gone', () => {
    const laptop = { x: 0, y: 0, width: 1440, height: 900 }
    const onLaptop = { x: 100, y: 100, width: 1000, height: 700 }
    const onOldMonitor = { x: 2000, y: 100, width: 1000, height: 700 }
    expect(placeOnDisplays(onLaptop, [laptop])).toEqual(onLaptop)
    expect(placeOnDisplays(onOldMonitor, [laptop])).toBeNull()
    const titleBarAbove = { x: 100, y: -800, width: 1000, height: 700 }
    expect(placeOnDisplays(titleBarAbove, [laptop])).toBeNull()
  })
})
