// The main window: locked down (isolation, sandbox, no Node; navigation, pop-ups and
// permissions for every session and web contents the app creates, below) and remembered
// where the user left it.
import { BrowserWindow, screen } from 'electron'
import type { Session, WebContents } from 'electron'
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

/**
 * Electron grants every permission unless told otherwise. The window needs one: writing to
 * the clipboard ("Copy row"). Camera, notifications, geolocation and the rest are refused.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/** The one place that sets what a page may do, for every session the app uses. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, grant) =>
    grant(ALLOWED_PERMISSIONS.has(permission))
  )
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission))
}

/** Our page never navigates, opens a window or attaches a webview; nothing else may either. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  hardenSession(contents.session)
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

  // Permissions, navigation and pop-ups: hardenContents, for every web contents (index.ts).
  win.once('ready-to-show', () => win.show())

  let timer: NodeJS.Timeout | undefined
  const remember = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (win.isDestroyed()) return
      saveWindowState(options.stateFile, stateOf(win)).catch((err: unknown) =>
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
    if (!win.isDestroyed()) saveWindowState(options.stateFile, stateOf(win)).catch(() => undefined)
  })

  if (options.devServerUrl) await win.loadURL(options.devServerUrl)
  else await win.loadFile(rendererFile())
  return win
}

function stateOf(win: BrowserWindow): WindowState {
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized() }
}

export function rendererFile(): string {
  return join(__dirname, '../renderer/index.html')
}
