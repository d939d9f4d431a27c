// `socket-inspector serve`: the inspector UI and its API for a browser. Loaded only when the
// command runs (see program.ts), so other commands do not pay for http, ws and the core.
import { spawn } from 'node:child_process'
import { Inspector } from '../inspector'
import { isLoopbackHost } from './net-policy'
import { startHeadlessServer } from './server'

export interface ServeCliOptions {
  readonly host: string
  readonly port: number
  readonly open?: boolean
  readonly allowRemote?: boolean
  /** Where the built renderer is. */
  readonly rendererDir: string
}

function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]]
  const child = spawn(cmd, args as string[], { stdio: 'ignore', detached: true })
  child.on('error', () => console.error(`Could not open a browser; open ${url} yourself.`))
  child.unref()
}

/** Starts serving; returns what stops it. */
export async function runServe(opts: ServeCliOptions): Promise<() => Promise<void>> {
  const inspector = new Inspector({ shell: 'headless' })
  const server = await startHeadlessServer({
    inspector,
    staticDir: opts.rendererDir,
    host: opts.host,
    port: opts.port,
    allowRemote: opts.allowRemote === true
  })
  if (!isLoopbackHost(server.host)) {
    console.error(
      `warning: serving on ${server.host}; anyone who can reach it and has the token can open sockets on this machine.`
    )
  }
  console.log(`Socket Inspector at ${server.url}`)
  if (opts.open) openInBrowser(server.url)
  return async () => {
    await server.close()
    await inspector.close()
  }
}
