// The main window: locked down (isolation, sandbox, no Node, no navigation, no popups) and
// remembered where the user left it.
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
/**
 * Electron grants every permission unless told otherwise. The window needs one: writing to
 * the clipboard ("Copy row"). Camera, notifications, geolocation and the rest are refused.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])
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
      spellcheck: false
    }
  })
  if (saved?.maximized) win.maximize()

  win.once('ready-to-show', () => win.show())
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  win.webContents.session.setPermissionRequestHandler((_contents, permission, grant) =>
    grant(ALLOWED_PERMISSIONS.has(permission))
  )
  win.webContents.session.setPermissionCheckHandler((_contents, permission) =>
    ALLOWED_PERMISSIONS.has(permission)
  )

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
