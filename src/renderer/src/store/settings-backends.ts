// The renderer's settings live in the core's settings room (settings:get, settings:set, and
// settings:changed for every window and tab), so they survive a restart and reach every
// page — the same in the desktop app and in a browser tab of `serve`.
import type { InspectorApi, Unsubscribe } from '../../../shared/contract'
import type { SettingsPatch } from '../../../shared/settings-schema'
import type { SettingsBackend } from './settings-store'

export function coreSettingsBackend(api: InspectorApi): SettingsBackend {
  return {
    load: () => api['settings:get'](),
    // The renderer's types are read-only views of the same shapes the core checks.
    save: (patch) => api['settings:set'](patch as SettingsPatch),
    onChanged: (fn): Unsubscribe => api.on('settings:changed', fn)
  }
}
