// The desktop app's menu, as data: Electron builds it (index.ts), tests read it. It names
// no Electron type, so it runs under plain Node; its shape is Electron's
// MenuItemConstructorOptions, which index.ts checks against electron.d.ts. The labels
// follow the app's language setting (roles' own items are the OS's words).
import { RECORDING_EXTENSION } from '../shared/export-schema'
import type { Settings } from '../shared/settings-schema'

export type MenuLanguage = 'en' | 'ko'

const LABELS = {
  en: {
    file: 'File',
    openRecording: 'Open Recording…',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    dialogTitle: 'Open a recording',
    recordings: 'Socket Inspector recordings'
  },
  ko: {
    file: '파일',
    openRecording: '녹화 열기…',
    edit: '편집',
    view: '보기',
    window: '창',
    help: '도움말',
    dialogTitle: '녹화 열기',
    recordings: 'Socket Inspector 녹화'
  }
} as const satisfies Record<MenuLanguage, Record<string, string>>

export type MenuLabels = (typeof LABELS)[MenuLanguage]

/**
 * What the Open dialog lists: recordings end in .sirec.gz, but dialogs match the last
 * extension only (macOS's, notably); the core refuses, in words, a .gz that is not one.
 */
export const RECORDING_DIALOG_EXTENSIONS: readonly string[] = ['gz']

/** The id of File → Open Recording… (tests and the Electron spec find it by it). */
export const OPEN_RECORDING_ID = 'open-recording'

/** The menu's language: the app's setting, or the system's when it says "system". */
export function menuLanguage(setting: Settings['language'], systemLocale: string): MenuLanguage {
  if (setting !== 'system') return setting
  return systemLocale.toLowerCase().startsWith('ko') ? 'ko' : 'en'
}

export function menuLabels(language: MenuLanguage): MenuLabels {
  return LABELS[language]
}

type Role = 'appMenu' | 'editMenu' | 'viewMenu' | 'windowMenu' | 'about' | 'close' | 'quit'

export interface MenuItemSpec {
  readonly id?: string
  readonly label?: string
  readonly role?: Role
  readonly type?: 'separator'
  readonly accelerator?: string
  readonly click?: () => void
  readonly submenu?: MenuItemSpec[]
}

export interface MenuActions {
  /** File → Open Recording…: ask for a file and replay it. */
  openRecording(): void
}

export function menuTemplate(
  platform: NodeJS.Platform,
  language: MenuLanguage,
  actions: MenuActions
): MenuItemSpec[] {
  const l = LABELS[language]
  const isMac = platform === 'darwin'
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: l.file,
      submenu: [
        {
          id: OPEN_RECORDING_ID,
          label: l.openRecording,
          accelerator: 'CmdOrCtrl+O',
          click: () => actions.openRecording()
        },
        { type: 'separator' },
        // macOS keeps Quit in the app menu; elsewhere it ends the File menu.
        { role: isMac ? 'close' : 'quit' }
      ]
    },
    { role: 'editMenu', label: l.edit },
    { role: 'viewMenu', label: l.view },
    { role: 'windowMenu', label: l.window },
    { label: l.help, submenu: [{ role: 'about' }] }
  ]
}

/**
 * A recording given to the app on its command line (a file manager's "Open with", or a
 * second launch): the last argument that names one, not a switch.
 */
export function recordingArgument(argv: readonly string[]): string | null {
  const files = argv.filter((a) => !a.startsWith('-') && a.endsWith(RECORDING_EXTENSION))
  return files[files.length - 1] ?? null
}
