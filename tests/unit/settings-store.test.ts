// The renderer's settings store: a change shows at once and is written once after a pause;
// an older write's echo does not undo newer typing; another page's change is taken.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SAVE_DELAY_MS, SettingsStore } from '../../src/renderer/src/store/settings-store'
import type { SettingsBackend } from '../../src/renderer/src/store/settings-store'
import { DEFAULT_CONNECTIONS } from '../../src/shared/connections-settings'

type Json = Record<string, unknown>

/** One settings object shared by several pages, each told of every change (settings:changed). */
function shared(): { backend: () => SettingsBackend; saves: Json[]; all: () => Json } {
  let all: Json = { theme: 'dark', other: 1 }
  const saves: Json[] = []
  const pages = new Set<(all: Json) => void>()
  return {
    saves,
    all: () => all,
    backend: () => ({
      load: () => Promise.resolve(all),
      save: (patch) => {
        saves.push(patch)
        all = { ...all, ...patch }
        for (const fn of pages) fn(all)
        return Promise.resolve(all)
      },
      onChanged: (fn) => {
        pages.add(fn)
        return () => pages.delete(fn)
      }
    })
  }
}

describe('settings store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('loads, fills what is missing with defaults, and keeps keys it does not know', async () => {
    const file = shared()
    const store = new SettingsStore(file.backend())
    store.start()
    await vi.waitFor(() => expect(store.isLoaded()).toBe(true))
    expect(store.get('theme')).toBe('dark')
    expect(store.get('connections')).toEqual(DEFAULT_CONNECTIONS)
    store.set('lastView', 'echo')
    await store.flush()
    expect(file.all()).toEqual({ theme: 'dark', other: 1, lastView: 'echo' })
  })

  it('writes a burst of changes once, after the pause', async () => {
    const file = shared()
    const store = new SettingsStore(file.backend())
    store.start()
    await vi.waitFor(() => expect(store.isLoaded()).toBe(true))
    for (const filter of ['p', 'po', 'port:80'])
      store.set('connections', { ...store.get('connections'), filter })
    expect(store.get('connections').filter).toBe('port:80')
    expect(file.saves).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS)
    expect(file.saves).toEqual([{ connections: { ...DEFAULT_CONNECTIONS, filter: 'port:80' } }])
  })

  it('a second page takes a change; a key being typed here is not undone by an echo', async () => {
    const file = shared()
    const a = new SettingsStore(file.backend())
    const b = new SettingsStore(file.backend())
    a.start()
    b.start()
    await vi.waitFor(() => expect(a.isLoaded() && b.isLoaded()).toBe(true))
    a.set('theme', 'light')
    await a.flush()
    expect(b.get('theme')).toBe('light')

    // b types while a's older write comes back: b keeps what it typed, then writes it.
    b.set('connections', { ...b.get('connections'), filter: 'mine' })
    a.set('connections', { ...a.get('connections'), filter: 'old' })
    await a.flush()
    expect(b.get('connections').filter).toBe('mine')
    await b.flush()
    expect(a.get('connections').filter).toBe('mine')
  })

  it('keeps a change whose write failed and sends it with the next one', async () => {
    const file = shared()
    const inner = file.backend()
    let down = true
    const store = new SettingsStore({
      ...inner,
      save: (patch) => (down ? Promise.reject(new Error('link down')) : inner.save(patch))
    })
    store.start()
    await vi.waitFor(() => expect(store.isLoaded()).toBe(true))
    store.set('theme', 'light')
    await store.flush()
    expect(store.lastError).toBeInstanceOf(Error)
    expect(store.get('theme')).toBe('light')
    down = false
    store.set('lastView', 'overview')
    await store.flush()
    expect(file.all()).toMatchObject({ theme: 'light', lastView: 'overview' })
    expect(store.lastError).toBeNull()
  })

  it('keeps the language picked (system, en, ko) and ignores one it does not speak', async () => {
    const file = shared()
    const store = new SettingsStore(file.backend())
    store.start()
    await vi.waitFor(() => expect(store.isLoaded()).toBe(true))
    expect(store.get('language')).toBe('system')
    store.set('language', 'ko')
    await store.flush()
    expect(file.all()).toMatchObject({ language: 'ko' })
    // Another page (or an older file) with a language the UI lacks leaves the choice alone.
    const other = new SettingsStore(file.backend())
    other.start()
    await vi.waitFor(() => expect(other.isLoaded()).toBe(true))
    expect(other.get('language')).toBe('ko')
    await file.backend().save({ language: 'fr' } as never)
    expect(other.get('language')).toBe('ko')
  })
})
