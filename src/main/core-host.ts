// The core's entry in a process of its own (built to out/main/core-host.js). The desktop
// app starts it with Electron's utilityProcess.fork and hands it one MessagePort per page;
// under plain Node (tests, tools) it is started with child_process.fork and speaks over the
// IPC channel. Either way it speaks the one wire protocol through WirePeer, and on quit it
// closes every socket the core owns before it exits. It never imports Electron.
import type { ShellKind } from '../shared/model'
import type { Settings } from '../shared/settings-schema'
import type { HostControl } from '../shared/wire'
import { Inspector } from './inspector'
import { messagePortLink } from './links/message-port-link'
import type { PortLike } from './links/message-port-link'
import { nodeIpcLink } from './links/node-ipc-link'
import type { IpcChannel } from './links/node-ipc-link'
import { WirePeer } from './wire-peer'

/** Electron's process.parentPort in a utility process, as far as the host uses it. */
interface ParentPortLike {
  on(
    event: 'message',
    listener: (event: { readonly data: unknown; readonly ports: readonly PortLike[] }) => void
  ): unknown
  postMessage(message: unknown): void
}

const SHELLS: readonly ShellKind[] = ['electron', 'headless', 'cli', 'test']

function shellOf(argv: readonly string[]): ShellKind {
  const given = argv.find((a) => a.startsWith('--shell='))?.slice('--shell='.length)
  return SHELLS.find((s) => s === given) ?? 'electron'
}

/** `--config=DIR`: where settings.json lives (Electron's userData); absent keeps it in memory. */
function configDirOf(argv: readonly string[]): string | null {
  return argv.find((a) => a.startsWith('--config='))?.slice('--config='.length) || null
}

/** `--open=FILE`: a recording given to the desktop app when it started; replayed first. */
function recordingOf(argv: readonly string[]): string | undefined {
  return argv.find((a) => a.startsWith('--open='))?.slice('--open='.length) || undefined
}

function isControl(value: unknown, t: HostControl['t']): boolean {
  return typeof value === 'object' && value !== null && (value as { t?: unknown }).t === t
}

/** The path of a `host:open-recording` message, or null for any other message. */
function recordingPath(value: unknown): string | null {
  if (!isControl(value, 'host:open-recording')) return null
  const path = (value as { path?: unknown }).path
  return typeof path === 'string' && path !== '' ? path : null
}

export function runCoreHost(): void {
  const inspector = new Inspector({
    shell: shellOf(process.argv),
    configDir: configDirOf(process.argv),
    openRecording: recordingOf(process.argv)
  })
  let quitting = false
  const quit = (): void => {
    if (quitting) return
    quitting = true
    void inspector.close().finally(() => process.exit(0))
  }
  process.on('SIGTERM', quit)
  process.on('SIGINT', quit)

  /** Main's messages other than a page's port: true when the message was one. */
  const control = (message: unknown): boolean => {
    if (isControl(message, 'host:quit')) quit()
    const path = recordingPath(message)
    if (path !== null) inspector.offerRecording(path)
    return path !== null || isControl(message, 'host:quit')
  }

  const parentPort = (process as { parentPort?: ParentPortLike }).parentPort
  let pages = 0
  if (parentPort) {
    parentPort.on('message', ({ data, ports }) => {
      if (control(data)) return
      const port = ports[0]
      if (!isControl(data, 'host:port') || !port) return
      const peer = new WirePeer(inspector, messagePortLink(port), `page ${++pages}`)
      port.on('message', (e) => peer.receive(e.data))
      port.on('close', () => peer.dispose())
      port.start()
    })
    parentPort.postMessage({ t: 'host:ready', pid: process.pid } satisfies HostControl)
    // The menu is main's and speaks the app's language: say which, now and on change.
    const language = (s: Settings): void =>
      parentPort.postMessage({ t: 'host:language', language: s.language } satisfies HostControl)
    void inspector.call('settings:get', []).then(language)
    inspector.on('settings:changed', language)
    // Desktop notifications are main's (Electron's Notification): say what fired.
    inspector.on('alert:fired', (alert) => {
      void inspector.call('settings:get', []).then((s) => {
        if (s.alerts.notify)
          parentPort.postMessage({
            t: 'host:alert',
            body: alert.message,
            said: alert.said
          } satisfies HostControl)
      })
    })
  } else if (process.send) {
    // Ready first: the parent starts reading wire text (beginning with hello) after it.
    process.send({ t: 'host:ready', pid: process.pid } satisfies HostControl)
    const channel = process as IpcChannel
    const peer = new WirePeer(inspector, nodeIpcLink(channel), 'IPC parent')
    process.on('message', (message: unknown) => {
      if (typeof message === 'string') peer.receive(message)
      else control(message)
    })
    // The parent went away: nobody is left to serve.
    process.on('disconnect', () => {
      peer.dispose()
      quit()
    })
  } else {
    console.error('core-host: start me with utilityProcess.fork or child_process.fork.')
    process.exit(2)
  }
}

runCoreHost()
