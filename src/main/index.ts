// Electron's entry: app life cycle, single instance, menu, and the one window. All
// behaviour lives in the core (Inspector); this file only wires it to Electron.
import { app, BrowserWindow, ipcMain, Menu, Notification, session } from 'electron'
import type { MenuItemConstructorOptions } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Inspector } from './inspector'
import { bindIpc } from './ipc'
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

/** Each fired alert as a desktop notification, unless the user turned them off (settings). */
function notifyAlerts(inspector: Inspector): void {
  inspector.on('alert:fired', (alert) => {
    if (!Notification.isSupported()) return
    void inspector.call('settings:get', []).then((s) => {
      if (s.alerts.notify)
        new Notification({ title: 'Socket Inspector', body: alert.message }).show()
    })
  })
}

if (!app.requestSingleInstanceLock()) {
  // Another copy is running: it gets focus (second-instance below), this one leaves.
  app.quit()
} else {
  app.enableSandbox()
  const inspector = new Inspector({ shell: 'electron', configDir: app.getPath('userData') })
  let coreClosed = false

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })

  app.on('second-instance', () => focus(BrowserWindow.getAllWindows()[0]))

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('before-quit', (event) => {
    if (coreClosed) return
    // Close every socket the core owns before the process goes.
    event.preventDefault()
    inspector.close().finally(() => {
      coreClosed = true
      app.quit()
    })
  })

  app
    .whenReady()
    .then(async () => {
      session.defaultSession.setPermissionRequestHandler((_contents, _permission, answer) =>
        answer(false)
      )
      Menu.setApplicationMenu(buildMenu())
      bindIpc(ipcMain, inspector, isOurPage)
      notifyAlerts(inspector)
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
