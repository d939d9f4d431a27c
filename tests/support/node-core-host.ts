// The core host under plain Node: child_process.fork of src/main/core-host.ts (via tsx), as
// a HostProcess for CoreSupervisor, with the face's wire client on its IPC channel.
import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { CORE_V8_FLAGS } from '../../src/main/headless/core-flags'
import type { HostProcess } from '../../src/main/core-supervisor'
import type { HostControl } from '../../src/shared/wire'

const root = resolve(__dirname, '../..')

export interface NodeHost extends HostProcess {
  readonly child: ChildProcess
  /** Wire text from the core (strings on the channel; control messages are objects). */
  onText(listener: (text: string) => void): void
  sendText(text: string): boolean
}

export function forkNodeHost(): NodeHost {
  const child = fork(resolve(root, 'src/main/core-host.ts'), ['--shell=test'], {
    cwd: root,
    execArgv: ['--import', 'tsx', ...CORE_V8_FLAGS],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  })
  return {
    child,
    get pid() {
      return child.pid
    },
    control: (message: HostControl) => {
      if (child.connected) child.send(message)
    },
    onExit: (listener) => {
      if (child.exitCode !== null || child.signalCode !== null) return listener(child.exitCode)
      child.once('exit', (code) => listener(code))
    },
    onReady: (listener) =>
      child.on('message', (m: unknown) => {
        if (typeof m === 'object' && m !== null && (m as { t?: string }).t === 'host:ready')
          listener()
      }),
    kill: () => child.kill('SIGKILL'),
    onText: (listener) =>
      child.on('message', (m: unknown) => {
        if (typeof m === 'string') listener(m)
      }),
    sendText: (text) => {
      if (!child.connected) return false
      child.send(text)
      return true
    }
  }
}
