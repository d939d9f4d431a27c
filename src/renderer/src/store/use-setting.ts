// useSetting('connections') → [value, set]: one remembered setting, read and changed from
// any view. The store comes from the App through SettingsContext.
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react'
import type { SettingKey, SettingsStore, UiSettings } from './settings-store'

export const SettingsContext = createContext<SettingsStore | null>(null)

export function useSettingsStore(): SettingsStore {
  const store = useContext(SettingsContext)
  if (!store) throw new Error('useSetting needs <SettingsContext value={store}> above it')
  return store
}

export function useSetting<K extends SettingKey>(
  key: K
): readonly [UiSettings[K], (value: UiSettings[K]) => void] {
  const store = useSettingsStore()
  const value = useSyncExternalStore(store.subscribe, () => store.get(key))
  const set = useCallback((v: UiSettings[K]) => store.set(key, v), [store, key])
  return [value, set] as const
}
