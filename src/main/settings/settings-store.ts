// The settings room: one versioned JSON file, validated on load, written atomically
// (temp file + rename) one write at a time. A corrupt file, or one from a newer version,
// is kept aside as `.bak` and the defaults are used, with a notice saying so.
import { mkdirSync, readFileSync, renameSync } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Notice } from '../../shared/model'
import {
  defaultSettings,
  SETTINGS_VERSION,
  settingsFile,
  settingsSchema
} from '../../shared/settings-schema'
import type { Settings, SettingsPatch } from '../../shared/settings-schema'

export const SETTINGS_FILE_NAME = 'settings.json'
/** A settings file larger than this is not read (it cannot be ours). */
export const SETTINGS_MAX_FILE_BYTES = 1024 * 1024

export type StartupNotice = Omit<Notice, 'at'>

export class SettingsStore {
  private current: Settings
  private writes: Promise<void> = Promise.resolve()
  /** What went wrong reading the file at start, if anything; shown to the user once. */
  readonly startupNotice: StartupNotice | null

  /** `dir` null keeps settings in memory only (tests, and a CLI run without a config). */
  constructor(
    readonly dir: string | null,
    private readonly changed: (settings: Settings) => void
  ) {
    const loaded = dir === null ? { settings: defaultSettings(), notice: null } : load(dir)
    this.current = loaded.settings
    this.startupNotice = loaded.notice
  }

  get file(): string | null {
    return this.dir === null ? null : join(this.dir, SETTINGS_FILE_NAME)
  }

  get(): Settings {
    return this.current
  }

  /** Replaces the keys the (validated) patch names, saves, and tells every subscriber. */
  async set(patch: SettingsPatch): Promise<Settings> {
    const next = settingsSchema.parse({ ...this.current, ...dropUndefined(patch) })
    this.current = next
    const file = this.file
    if (file !== null) {
      const write = this.writes.then(() => writeAtomically(file, serialize(next)))
      this.writes = write.catch(() => undefined)
      await write
    }
    this.changed(next)
    return next
  }

  /** Resolves when every write started so far is on disk. */
  flush(): Promise<void> {
    return this.writes
  }
}

function serialize(settings: Settings): string {
  return `${JSON.stringify({ version: SETTINGS_VERSION, settings }, null, 2)}\n`
}

function dropUndefined(patch: SettingsPatch): Partial<Settings> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
}

let tempCounter = 0
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.${++tempCounter}.tmp`
  await writeFile(temp, text, { mode: 0o600 })
  await rename(temp, file)
}

function load(dir: string): { settings: Settings; notice: StartupNotice | null } {
  const file = join(dir, SETTINGS_FILE_NAME)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return { settings: defaultSettings(), notice: null }
    }
    return {
      settings: defaultSettings(),
      notice: {
        level: 'warning',
        code: 'ESETTINGS',
        message: `Could not read the settings file ${file}: ${(err as Error).message}. Using defaults.`,
        hint: 'Check the file’s permissions; changes you make now are kept in memory.'
      }
    }
  }
  const problem = checkFile(text)
  if (problem === null) {
    const parsed = settingsFile.parse(JSON.parse(text))
    return { settings: settingsSchema.parse(parsed.settings), notice: null }
  }
  const backup = `${file}.bak`
  try {
    mkdirSync(dir, { recursive: true })
    renameSync(file, backup)
  } catch {
    // Keeping the old file aside is a courtesy; the defaults are used either way.
  }
  return {
    settings: defaultSettings(),
    notice: {
      level: 'warning',
      code: 'ESETTINGS',
      message: `The settings file ${problem}, so Socket Inspector started with default settings.`,
      hint: `The old file is kept as ${backup}.`
    }
  }
}

/** Null when the text is a settings file this version can read; else what is wrong with it. */
function checkFile(text: string): string | null {
  if (Buffer.byteLength(text) > SETTINGS_MAX_FILE_BYTES) return 'is too large to be ours'
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return 'is not valid JSON'
  }
  const file = settingsFile.safeParse(json)
  if (!file.success) return 'does not look like a Socket Inspector settings file'
  if (file.data.version > SETTINGS_VERSION) {
    return `was written by a newer version of Socket Inspector (format ${file.data.version})`
  }
  if (!settingsSchema.safeParse(file.data.settings).success)
    return 'holds values that are not valid'
  return null
}
