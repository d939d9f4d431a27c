// The renderer's side of the settings: one object, read through useSetting(key), changed
// by key. A change shows at once and is written after a short pause (typing in the filter
// is one write, not one per key). What another tab or window changes arrives as a whole
// object (settings:changed) and is taken, except for keys this page has changed and not yet
// had confirmed, so an echo of an older write never undoes what the user just typed.
import type { Unsubscribe } from '../../../shared/contract'
import { DEFAULT_CONNECTIONS } from '../../../shared/connections-settings'
import type { ConnectionsSettings } from '../../../shared/connections-settings'
import { LANGUAGES } from '../i18n'
import type { LanguagePreference } from '../i18n'

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]
/** The language picker's choices: the system's, or one the UI speaks. */
export const LANGUAGE_PREFERENCES = ['system', ...LANGUAGES] as const
export type { LanguagePreference }

/** The keys the renderer reads; the file may hold others (kept, never dropped). */
export interface UiSettings {
  readonly theme: Theme
  readonly language: LanguagePreference
  readonly lastView: string
  readonly connections: ConnectionsSettings
}
export type SettingKey = keyof UiSettings

export const DEFAULT_SETTINGS: UiSettings = {
  theme: 'system',
  language: 'system',
  lastView: 'connections',
  connections: DEFAULT_CONNECTIONS
}

/** Where settings live: the core's settings room, or this browser's storage. */
export interface SettingsBackend {
  load(): Promise<Readonly<Record<string, unknown>>>
  /** Replaces the keys named; answers the whole object. */
  save(patch: Readonly<Partial<UiSettings>>): Promise<Readonly<Record<string, unknown>>>
  /** Another page (or this one) changed them: the whole object. */
  onChanged(fn: (all: Readonly<Record<string, unknown>>) => void): Unsubscribe
}

/** How long after the last change the write goes out. */
export const SAVE_DELAY_MS = 250

type Timer = ReturnType<typeof setTimeout>

export class SettingsStore {
  private state: UiSettings = DEFAULT_SETTINGS
  private loaded = false
  private readonly listeners = new Set<() => void>()
  /** Changes not yet written, by key. */
  private pending: Partial<Record<SettingKey, unknown>> = {}
  /** Keys changed here and not yet confirmed by the backend. */
  private readonly dirty = new Set<SettingKey>()
  private generation = 0
  private timer: Timer | null = null
  /** The last write's failure, until a write succeeds. */
  lastError: unknown = null

  constructor(private readonly backend: SettingsBackend) {}

  /** Loads the settings and follows other pages' changes; returns the way to stop. */
  start(): Unsubscribe {
    const off = this.backend.onChanged((all) => this.take(all))
    this.backend.load().then(
      (all) => {
        this.loaded = true
        this.take(all)
        this.emit() // loaded, even if every value was the default
      },
      () => {
        this.loaded = true // the defaults stand; the next change is written as usual
        this.emit()
      }
    )
    return () => {
      off()
      void this.flush()
    }
  }

  isLoaded(): boolean {
    return this.loaded
  }

  getState = (): UiSettings => this.state

  subscribe = (fn: () => void): Unsubscribe => {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  get<K extends SettingKey>(key: K): UiSettings[K] {
    return this.state[key]
  }

  set<K extends SettingKey>(key: K, value: UiSettings[K]): void {
    if (this.state[key] === value) return
    this.state = { ...this.state, [key]: value }
    this.pending[key] = value
    this.dirty.add(key)
    this.generation++
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS)
    this.emit()
  }

  /** Writes what is pending now (also on stop, so a last change is not lost). */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const patch = this.pending as Partial<UiSettings>
    if (Object.keys(patch).length === 0) return
    this.pending = {}
    const sent = this.generation
    try {
      const all = await this.backend.save(patch)
      this.lastError = null
      if (this.generation === sent) this.dirty.clear()
      this.take(all)
    } catch (error) {
      // Kept locally and sent again with the next change.
      this.lastError = error
      this.pending = { ...patch, ...this.pending }
    }
  }

  private take(all: Readonly<Record<string, unknown>>): void {
    let next = this.state
    for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
      if (this.dirty.has(key) || !(key in all)) continue
      const value = normalize(key, all[key])
      if (value !== undefined && !sameJson(value, next[key])) next = { ...next, [key]: value }
    }
    if (next === this.state) return
    this.state = next
    this.emit()
  }

  private emit(): void {
    for (const fn of [...this.listeners]) fn()
  }
}

/** A stored value made whole (defaults for what an older file lacks), or undefined if unusable. */
function normalize(key: SettingKey, value: unknown): UiSettings[SettingKey] | undefined {
  switch (key) {
    case 'theme':
      return (THEMES as readonly unknown[]).includes(value) ? (value as Theme) : undefined
    case 'language':
      return (LANGUAGE_PREFERENCES as readonly unknown[]).includes(value)
        ? (value as LanguagePreference)
        : undefined
    case 'lastView':
      return typeof value === 'string' ? value : undefined
    case 'connections':
      return value && typeof value === 'object'
        ? { ...DEFAULT_CONNECTIONS, ...(value as Partial<ConnectionsSettings>) }
        : undefined
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}
