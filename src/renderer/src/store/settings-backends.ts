// Where the renderer's settings are kept. Until the core's settings room is reachable the
// page keeps them in this browser's storage (one origin: survives a reload, and a second
// tab sees a change through the storage event).
import type { Unsubscribe } from '../../../shared/contract'
import type { SettingsBackend, UiSettings } from './settings-store'

const KEY = 'socket-inspector.settings'
/** Where the theme lived before settings did: read once, so a choice is not lost. */
const OLD_THEME_KEY = 'socket-inspector.theme'

type Json = Readonly<Record<string, unknown>>

function read(storage: Storage): Json {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '{}')
    const all = parsed && typeof parsed === 'object' ? (parsed as Json) : {}
    const theme = storage.getItem(OLD_THEME_KEY)
    return theme && !('theme' in all) ? { ...all, theme } : all
  } catch {
    return {} // unreadable: the defaults
  }
}

export function localSettingsBackend(storage: Storage, target: Window): SettingsBackend {
  return {
    load: () => Promise.resolve(read(storage)),
    save: (patch: Partial<UiSettings>) => {
      const all = { ...read(storage), ...patch }
      storage.setItem(KEY, JSON.stringify(all))
      return Promise.resolve(all)
    },
    onChanged: (fn): Unsubscribe => {
      const onStorage = (e: StorageEvent): void => {
        if (e.key === KEY) fn(read(storage))
      }
      target.addEventListener('storage', onStorage)
      return () => target.removeEventListener('storage', onStorage)
    }
  }
}

/** Storage that keeps nothing, where the browser has none (a sandboxed or private page). */
export function memorySettingsBackend(): SettingsBackend {
  let all: Json = {}
  return {
    load: () => Promise.resolve(all),
    save: (patch) => Promise.resolve((all = { ...all, ...patch })),
    onChanged: () => () => undefined
  }
}
