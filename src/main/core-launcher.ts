// Electron only, and thin: starts the core host with utilityProcess.fork and links each of
// our pages to it with a MessageChannelMain — one port to the host, the other to the page's
// preload — so commands and events flow renderer ⇄ core without passing through main.
// Restarting and quitting are CoreSupervisor's (plain Node, tested under Node).
import { MessageChannelMain, Notification, utilityProcess } from 'electron'
import type { MessagePortMain, WebContents } from 'electron'
import { join } from 'node:path'
import { CORE_LOST_CHANNEL, CORE_PORT_CHANNEL } from '../shared/ipc-channels'
import type { Said } from '../shared/said'
import type { Settings } from '../shared/settings-schema'
import type { HostControl } from '../shared/wire'
import { CoreSupervisor } from './core-supervisor'
import { CORE_V8_FLAGS } from './headless/core-flags'
import type { HostProcess } from './core-supervisor'

export interface CoreOptions {
  /** Where settings live (Electron's userData). */
  readonly configDir: string
  /** A recording the app was started with: the first page replays it. */
  readonly openAtStart?: string
  /** The app's language setting, at start and on change (main's menu speaks it). */
  readonly language?: (language: Settings['language']) => void
  /** A fired alert's notification text in the app's language (alert-text.ts). */
  readonly alertText?: (said: Said | undefined, english: string) => string
}

function forkHost(options: CoreOptions): HostProcess {
  const open = options.openAtStart ? [`--open=${options.openAtStart}`] : []
  const child = utilityProcess.fork(
    join(__dirname, 'core-host.js'),
    ['--shell=electron', `--config=${options.configDir}`, ...open],
    { execArgv: [...CORE_V8_FLAGS], serviceName: 'Socket Inspector core', stdio: 'inherit' }
  )
  // An alert the core says fired, as a desktop notification.
  child.on('message', (m: unknown) => {
    const message = m as Partial<Extract<HostControl, { t: 'host:alert' }>> | null
    if (
      message?.t === 'host:alert' &&
      typeof message.body === 'string' &&
      Notification.isSupported()
    )
      new Notification({
        title: 'Socket Inspector',
        body: options.alertText?.(message.said, message.body) ?? message.body
      }).show()
  })
  child.on('message', (m: unknown) => {
    const message = m as Partial<Extract<HostControl, { t: 'host:language' }>> | null
    if (message?.t === 'host:language' && typeof message.language === 'string')
      options.language?.(message.language)
  })
  return {
    get pid() {
      return child.pid
    },
    control: (message: HostControl, transfer?: readonly unknown[]) =>
      child.postMessage(message, transfer as MessagePortMain[] | undefined),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    onReady: (listener) =>
      child.on('message', (m: unknown) => {
        if ((m as { t?: unknown } | null)?.t === 'host:ready') listener()
      }),
    kill: () => void child.kill()
  }
}

/**
 * Runs the core host for the app. `pages()` lists the web contents showing our own page
 * (checked by the caller); each gets a fresh port on every load and after every restart.
 */
export function launchCore(
  options: CoreOptions,
  pages: () => readonly WebContents[]
): CoreSupervisor {
  const supervisor = new CoreSupervisor(() => forkHost(options), {
    ready: (host) => {
      for (const page of pages()) linkPage(host, page)
    },
    lost: (code, givingUp) => {
      console.error(
        `The core stopped (exit code ${code}); ${givingUp ? 'not restarting: it keeps failing' : 'restarting it'}.`
      )
      for (const page of pages()) if (!page.isDestroyed()) page.send(CORE_LOST_CHANNEL)
    }
  })
  supervisor.start()
  return supervisor
}

export function linkPage(host: HostProcess, page: WebContents): void {
  if (page.isDestroyed()) return
  const { port1, port2 } = new MessageChannelMain()
  host.control({ t: 'host:port' }, [port1])
  page.postMessage(CORE_PORT_CHANNEL, null, [port2])
}
