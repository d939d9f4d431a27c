// Electron's entry: app life cycle, single instance, menu, the one window, and the core
// host process (restarted if it dies). All behaviour lives in the core, in its own process
// (core-host.ts); pages talk to it over a MessagePort, so main is not on the data path. A
// recording the user opens (File → Open, a file on the command line or a second launch's,
// macOS's open-file) goes to the core by path; the core offers it to the page to replay.
import { app, BrowserWindow, dialog, Menu, session } from 'electron'
import type { MenuItemConstructorOptions, OpenDialogOptions, WebContents } from 'electron'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  menuLabels,
  menuLanguage,
  menuTemplate,
  RECORDING_DIALOG_EXTENSIONS,
  recordingArgument
} from './app-menu'
import type { MenuLanguage } from './app-menu'
import { alertText } from './alert-text'
import { launchCore, linkPage } from './core-launcher'
import type { CoreSupervisor } from './core-supervisor'
import { createMainWindow, hardenContents, hardenSession, rendererFile } from './window'

const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL

function isOurPage(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false
  try {
    const url = new URL(frameUrl)
    if (devServerUrl) return url.origin === new URL(devServerUrl).origin
    return url.protocol === 'file:' && url.pathname === pathToFileURL(rendererFile()).pathname
  } catch {
    return false
  }
}

/** Web contents showing our own page: the only ones that get a port to the core. */
function ourPages(): WebContents[] {
  return BrowserWindow.getAllWindows()
    .map((w) => w.webContents)
    .filter((c) => !c.isDestroyed() && isOurPage(c.getURL()))
}

let language: MenuLanguage = 'en'
let core: CoreSupervisor | null = null

function setMenu(): void {
  const template: MenuItemConstructorOptions[] = menuTemplate(process.platform, language, {
    openRecording: () => void pickRecording()
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

async function pickRecording(): Promise<void> {
  const l = menuLabels(language)
  const options: OpenDialogOptions = {
    title: l.dialogTitle,
    properties: ['openFile'],
    filters: [{ name: l.recordings, extensions: [...RECORDING_DIALOG_EXTENSIONS] }]
  }
  const win = BrowserWindow.getFocusedWindow()
  const picked = win
    ? await dialog.showOpenDialog(win, options)
    : await dialog.showOpenDialog(options)
  const path = picked.filePaths[0]
  if (!picked.canceled && path) openRecording(path)
}

/** Hands the core the user's file; the page replays it (or says why it cannot). */
function openRecording(path: string): void {
  const host = core?.current()
  if (!host) {
    console.error(`Socket Inspector: the core is restarting; open ${path} again in a moment.`)
    return
  }
  host.control({ t: 'host:open-recording', path })
  focus(BrowserWindow.getAllWindows()[0])
}

async function openWindow(): Promise<BrowserWindow> {
  return createMainWindow({
    stateFile: join(app.getPath('userData'), 'window-state.json'),
    devServerUrl
  })
}

function focus(win: BrowserWindow | undefined): void {
  if (!win || win.isDestroyed()) return
  if (win.isMinimized()) win.restore()
  win.focus()
}

if (!app.requestSingleInstanceLock()) {
  // Another copy is running: it gets focus (second-instance below), this one leaves.
  app.quit()
} else {
  app.enableSandbox()
  let coreClosed = false
  // A recording named when the app starts (a file manager's "Open with"; macOS says it
  // with open-file, before ready): the core replays it on the first page.
  let openAtStart = recordingArgument(process.argv.slice(1)) ?? undefined
  app.on('open-file', (event, path) => {
    event.preventDefault()
    if (core) openRecording(path)
    else openAtStart = path
  })

  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents)
    // Every load (and reload) of our page gets a fresh port to the core.
    contents.on('did-finish-load', () => {
      const host = core?.current()
      if (host && isOurPage(contents.getURL())) linkPage(host, contents)
    })
  })

  app.on('second-instance', (_event, argv, workingDirectory) => {
    focus(BrowserWindow.getAllWindows()[0])
    const file = recordingArgument(argv.slice(1))
    if (file) openRecording(resolve(workingDirectory, file))
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('before-quit', (event) => {
    if (coreClosed || !core) return
    // The core closes every socket it owns before the app goes.
    event.preventDefault()
    void core.stop().finally(() => {
      coreClosed = true
      app.quit()
    })
  })

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession)
      language = menuLanguage('system', app.getLocale())
      setMenu()
      core = launchCore(
        {
          configDir: app.getPath('userData'),
          openAtStart,
          language: (setting) => {
            language = menuLanguage(setting, app.getLocale())
            setMenu()
          },
          alertText: (said, english) => alertText(said, english, language)
        },
        ourPages
      )
      await openWindow()
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) void openWindow()
      })
    })
    .catch((err: unknown) => {
      console.error('Socket Inspector could not start:', err)
      app.exit(1)
    })
}
