// `socket-inspector serve`: the inspector UI and its API for a browser. Loaded only when the
// command runs (see program.ts), so other commands do not pay for http, ws and the core.
import { spawn } from 'node:child_process'
import { InspectorFailure } from '../../shared/errors'
import { invoke } from '../dispatch'
import { Inspector } from '../inspector'
import { serveMetricsAccess } from './exporter-command'
import { isLoopbackHost } from './net-policy'
import { checkRecording } from './record-command'
import { startHeadlessServer } from './server'

export interface ServeCliOptions {
  readonly host: string
  readonly port: number
  /** true: open a browser; a path: replay that recording in the UI. */
  readonly open?: boolean | string
  readonly allowRemote?: boolean
  readonly metrics?: boolean
  readonly metricsPublic?: boolean
  /** Where the built renderer is. */
  readonly rendererDir: string
  /** Where settings.json lives. */
  readonly configDir: string
}

/**
 * A fixed token from the environment (never from argv, which `ps` shows to every user):
 * with the same --port, a restarted serve keeps the URL an open page reconnects to.
 */
export const TOKEN_ENV = 'SOCKET_INSPECTOR_TOKEN'

function tokenFromEnv(): string | undefined {
  const token = process.env[TOKEN_ENV]
  if (!token) return undefined
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token)) {
    throw new InspectorFailure(
      'EINVAL',
      `${TOKEN_ENV} must be 16 to 128 letters, digits, "-" or "_".`,
      'Unset it to get a fresh random token, or choose a longer one.'
    )
  }
  return token
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
  const token = tokenFromEnv()
  const recording = typeof opts.open === 'string' ? await checkRecording(opts.open) : undefined
  const inspector = new Inspector({
    shell: 'headless',
    configDir: opts.configDir,
    openRecording: recording
  })
  const server = await startHeadlessServer({
    inspector,
    staticDir: opts.rendererDir,
    host: opts.host,
    port: opts.port,
    allowRemote: opts.allowRemote === true,
    token,
    metrics: await serveMetricsAccess(inspector, opts)
  })
  if (!isLoopbackHost(server.host)) {
    console.error(
      `warning: serving on ${server.host}; anyone who can reach it and has the token can open sockets on this machine.`
    )
  }
  const { notices } = await invoke(inspector, 'app:info')
  for (const n of notices) console.error(`note: ${n.message}${n.hint ? ` ${n.hint}` : ''}`)
  console.log(`Socket Inspector at ${server.url}`)
  if (opts.open === true) openInBrowser(server.url)
  if (recording) console.log(`Replaying ${recording} (live polling is paused while it is open)`)
  return async () => {
    await server.close()
    await inspector.close()
  }
}
