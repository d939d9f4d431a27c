// The desktop menu as Electron builds it (index.ts passes this template to
// Menu.buildFromTemplate): File → Open Recording… with its shortcut calls the open action,
// the labels follow the app's language setting, and a recording named on the command line
// (a file manager's "Open with", a second launch) is found among Electron's own arguments.
import { describe, expect, it } from 'vitest'
import {
  menuLanguage,
  menuTemplate,
  OPEN_RECORDING_ID,
  recordingArgument
} from '../../src/main/app-menu'
import type { MenuItemSpec } from '../../src/main/app-menu'

function find(items: readonly MenuItemSpec[], id: string): MenuItemSpec | undefined {
  for (const item of items) {
    if (item.id === id) return item
    const inner = item.submenu && find(item.submenu, id)
    if (inner) return inner
  }
  return undefined
}

describe('the desktop menu', () => {
  it('has File → Open Recording… (Ctrl/Cmd+O) that runs the open action', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      let opened = 0
      const template = menuTemplate(platform, 'en', { openRecording: () => opened++ })
      const file = template.find((m) => m.label === 'File')
      expect(file?.submenu?.[0]?.id).toBe(OPEN_RECORDING_ID)
      const item = find(template, OPEN_RECORDING_ID)!
      expect(item.label).toBe('Open Recording…')
      expect(item.accelerator).toBe('CmdOrCtrl+O')
      item.click?.()
      expect(opened).toBe(1)
      // macOS keeps Quit in the app menu; elsewhere File ends with it.
      expect(file?.submenu?.at(-1)?.role).toBe(platform === 'darwin' ? 'close' : 'quit')
      expect(template[0]?.role === 'appMenu').toBe(platform === 'darwin')
    }
  })

  it('speaks the language the app is set to, or the system language', () => {
    const labels = (lang: 'en' | 'ko'): (string | undefined)[] =>
      menuTemplate('linux', lang, { openRecording: () => undefined }).map((m) => m.label)
    expect(labels('ko')).toEqual(['파일', '편집', '보기', '창', '도움말'])
    expect(
      find(menuTemplate('linux', 'ko', { openRecording: () => 0 }), OPEN_RECORDING_ID)?.label
    ).toBe('녹화 열기…')
    expect(menuLanguage('system', 'ko-KR')).toBe('ko')
    expect(menuLanguage('system', 'en-US')).toBe('en')
    expect(menuLanguage('system', 'de')).toBe('en')
    expect(menuLanguage('ko', 'en-US')).toBe('ko')
    expect(menuLanguage('en', 'ko')).toBe('en')
  })

  it('finds a recording named on the command line, not a switch or the app folder', () => {
    expect(recordingArgument(['.', '--no-sandbox', '/tmp/a.sirec.gz'])).toBe('/tmp/a.sirec.gz')
    expect(recordingArgument(['/opt/Socket Inspector/app', 'b.sirec.gz', 'c.sirec.gz'])).toBe(
      'c.sirec.gz'
    )
    expect(recordingArgument(['.', '--user-data-dir=/tmp/x.sirec.gz'])).toBeNull()
    expect(recordingArgument(['notes.gz'])).toBeNull()
  })
})
