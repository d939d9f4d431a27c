// `socket-inspector`'s commands: the core behind a terminal (TCPView ships tcpvcon for the
// same reason). cli.ts is the entry that runs it.
import { spawn } from 'node:child_process'
import { Command, InvalidArgumentError } from 'commander'
import { toInspectorError } from '../../shared/errors'
import { APP_VERSION } from '../app-info'
import { Inspector } from '../inspector'
import { isLoopbackHost } from './net-policy'
import { runEcho } from './echo-command'
import { startHeadlessServer } from './server'

export interface ProgramOptions {
  /** Where the built renderer is, for `serve`. */
  readonly rendererDir: string
}

export function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value) : NaN
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535 (0 = any free port).')
  }
  return port
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

/** Prints a failure as the user should see it: a sentence and a hint, never a stack. */
export function reportFailure(err: unknown): void {
  const error = toInspectorError(err)
  console.error(`error: ${error.message}`)
  if (error.hint) console.error(`hint: ${error.hint}`)
}

function onShutdown(close: () => Promise<void>): void {
  let closing = false
  const stop = (): void => {
    if (closing) return
    closing = true
    close()
      .catch(reportFailure)
      .finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

export function buildProgram(options: ProgramOptions): Command {
  const program = new Command()
    .name('socket-inspector')
    .description('See sockets live: listening ports, connections, and the bytes of echo sessions.')
    .version(APP_VERSION, '-v, --version')
    .showHelpAfterError('(run socket-inspector --help for usage)')

  program
    .command('serve')
    .description('serve the inspector UI and its API to a browser, on loopback, behind a token')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free port)', parsePort, 0)
    .option('--open', 'open the UI in the default browser')
    .option('--allow-remote', 'allow a non-loopback --host (anyone with the token can use it)')
    .action(async (opts: { host: string; port: number; open?: boolean; allowRemote?: boolean }) => {
      const inspector = new Inspector({ shell: 'headless' })
      const server = await startHeadlessServer({
        inspector,
        staticDir: options.rendererDir,
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
      onShutdown(async () => {
        await server.close()
        await inspector.close()
      })
    })

  program
    .command('echo')
    .description('run echo servers and print each session as it opens and closes (Ctrl-C stops)')
    .option('--tcp <port>', 'a TCP echo server on this port (0 = any free port)', parsePort)
    .option('--udp <port>', 'a UDP echo server on this port (0 = any free port)', parsePort)
    .option('--unix <path>', 'a Unix-socket echo server at this path')
    .option('--host <host>', 'address the TCP and UDP servers bind', '127.0.0.1')
    .option(
      '--greeting <text>',
      'sent to each TCP/Unix client on accept (escapes: \\n \\r \\t \\xNN)'
    )
    .addHelpText(
      'after',
      '\nExample:\n  socket-inspector echo --tcp 7007 --udp 7007   then: nc 127.0.0.1 7007'
    )
    .action(
      async (opts: {
        tcp?: number
        udp?: number
        unix?: string
        host: string
        greeting?: string
      }) => {
        const inspector = new Inspector({ shell: 'cli' })
        const stop = await runEcho(inspector, opts, (line) => console.log(line))
        onShutdown(stop)
      }
    )

  return program
}

export async function runProgram(argv: readonly string[], options: ProgramOptions): Promise<void> {
  try {
    await buildProgram(options).parseAsync([...argv])
  } catch (err) {
    reportFailure(err)
    process.exitCode = 1
  }
}
