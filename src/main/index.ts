// Electron's entry: app life cycle, single instance, menu, the one window, and the core
// host process (restarted if it dies). All behaviour lives in the core, in its own process
// (core-host.ts); pages talk to it over a MessagePort, so main is not on the data path.
import { app, BrowserWindow, Menu, session } from 'electron'
import type { MenuItemConstructorOptions, WebContents } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { launchCore, linkPage } from './core-launcher'
import type { CoreSupervisor } from './core-supervisor'
import { hardenContents, hardenSession } from './hardening'
import { createMainWindow, rendererFile } from './window'

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

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about' }] }
  ]
  return Menu.buildFromTemplate(template)
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
  let core: CoreSupervisor | null = null
  let coreClosed = false

  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents)
    // Every load (and reload) of our page gets a fresh port to the core.
    contents.on('did-finish-load', () => {
      const host = core?.current()
      if (host && isOurPage(contents.getURL())) linkPage(host, contents)
    })
  })

  app.on('second-instance', () => focus(BrowserWindow.getAllWindows()[0]))

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
      Menu.setApplicationMenu(buildMenu())
      core = launchCore(app.getPath('userData'), ourPages)
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
