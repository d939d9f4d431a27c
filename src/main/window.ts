// The main window: locked down (isolation, sandbox, no Node; navigation, pop-ups and
// permissions in hardening.ts) and remembered where the user left it.
import { BrowserWindow, screen } from 'electron'
import { join } from 'node:path'
import {
  DEFAULT_SIZE,
  loadWindowState,
  MIN_SIZE,
  placeOnDisplays,
  saveWindowState
} from './window-state'
import type { WindowState } from './window-state'

export interface MainWindowOptions {
  /** The file with the saved size and position, in the user data folder. */
  readonly stateFile: string
  /** The dev server's URL while developing; the built file otherwise. */
  readonly devServerUrl?: string
}

const SAVE_DELAY_MS = 500
const BACKGROUND = { light: '#f6f7f9', dark: '#14171c' } as const

export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const saved = await loadWindowState(options.stateFile)
  const place = saved
    ? placeOnDisplays(
        saved.bounds,
        screen.getAllDisplays().map((d) => d.workArea)
      )
    : null

  const win = new BrowserWindow({
    ...(place ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Socket Inspector',
    backgroundColor: BACKGROUND.dark,
    autoHideMenuBar: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click must not open links in a new window behind the window-open handler.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  if (saved?.maximized) win.maximize()

  // Permissions, navigation and pop-ups: hardening.ts, for every web contents (index.ts).
  win.once('ready-to-show', () => win.show())

  let timer: NodeJS.Timeout | undefined
  const remember = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (win.isDestroyed()) return
      const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() }
      saveWindowState(options.stateFile, state).catch((err: unknown) =>
        console.warn('could not save the window state:', err)
      )
    }, SAVE_DELAY_MS)
  }
  win.on('resize', remember)
  win.on('move', remember)
  win.on('maximize', remember)
  win.on('unmaximize', remember)
  win.on('close', () => {
    clearTimeout(timer)
    if (!win.isDestroyed()) {
      const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() }
      saveWindowState(options.stateFile, state).catch(() => undefined)
    }
  })

  if (options.devServerUrl) await win.loadURL(options.devServerUrl)
  else await win.loadFile(rendererFile())
  return win
}

export function rendererFile(): string {
  return join(__dirname, '../renderer/index.html')
}
