// `socket-inspector`'s commands: the core behind a terminal (TCPView ships tcpvcon for the
// same reason). cli.ts is the entry that runs it.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { Command, InvalidArgumentError } from 'commander'
import { InspectorFailure, toInspectorError } from '../../shared/errors'
import { APP_VERSION } from '../app-info'
import { platformSources } from '../conntable/platform-sources'
import { invoke } from '../dispatch'
import { Inspector } from '../inspector'
import { defaultConfigDir } from '../settings/config-dir'
import { isLoopbackHost } from './net-policy'
import { registerActionCommands } from './action-commands'
import { runEcho } from './echo-command'
import { PROTOCOLS, runTable } from './table-command'
import { runWatch } from './watch-command'
import type { SocketProtocol, TableSourceId } from '../../shared/model'
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
    .option('--config <dir>', 'folder of settings.json (default: this platform’s config folder)')
  const configDir = (): string => {
    const dir = program.opts<{ config?: string }>().config
    return dir === undefined ? defaultConfigDir() : resolve(dir)
  }

  program
    .command('serve')
    .description('serve the inspector UI and its API to a browser, on loopback, behind a token')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 = any free port)', parsePort, 0)
    .option('--open', 'open the UI in the default browser')
    .option('--allow-remote', 'allow a non-loopback --host (anyone with the token can use it)')
    .action(async (opts: { host: string; port: number; open?: boolean; allowRemote?: boolean }) => {
      const inspector = new Inspector({ shell: 'headless', configDir: configDir() })
      const server = await startHeadlessServer({
        inspector,
        staticDir: options.rendererDir,
        host: opts.host,
        port: opts.port,
        allowRemote: opts.allowRemote === true,
        token: tokenFromEnv()
      })
      if (!isLoopbackHost(server.host)) {
        console.error(
          `warning: serving on ${server.host}; anyone who can reach it and has the token can open sockets on this machine.`
        )
      }
      const { notices } = await invoke(inspector, 'app:info')
      for (const n of notices) console.error(`note: ${n.message}${n.hint ? ` ${n.hint}` : ''}`)
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
        const inspector = new Inspector({ shell: 'cli', configDir: configDir() })
        const stop = await runEcho(inspector, opts, (line) => console.log(line))
        onShutdown(stop)
      }
    )

  program
    .command('table')
    .description(
      'list every socket on this machine with its state, owner and fd (like ss or tcpvcon)'
    )
    .option('--json', 'one JSON object per row, with the field names of SocketRow')
    .option('--source <source>', `where to read the table: ${SOURCES.join(' | ')}`, parseSource)
    .option('--proto <list>', 'only these protocols: tcp,udp,unix', parseProtocols)
    .option('--state <state>', 'only sockets in this state (LISTEN, ESTABLISHED, TIME_WAIT, …)')
    .option('--port <n>', 'only sockets with this local or remote port', parsePort)
    .option('--pid <n>', 'only sockets this process holds', parsePid)
    .option('--watch', 'print again every interval until Ctrl-C')
    .option('--interval <ms>', 'how often --watch prints (250–60000 ms)', parseInterval, 1000)
    .action(
      async (opts: {
        json?: boolean
        source?: TableSourceId
        proto?: SocketProtocol[]
        state?: string
        port?: number
        pid?: number
        watch?: boolean
        interval: number
      }) => {
        const inspector = new Inspector({ shell: 'cli', configDir: configDir() })
        const stop = await runTable(
          inspector,
          { ...opts, protocols: opts.proto, intervalMs: opts.interval },
          (text) => console.log(text)
        )
        if (!stop) return void (await inspector.close())
        onShutdown(async () => {
          stop()
          await inspector.close()
        })
      }
    )

  program
    .command('watch')
    .description('run alert rules on the live table and print one JSON line per alert')
    .requiredOption(
      '--rule <rule>',
      'an event kind (listen, freed, connect, stuck STATE SECONDS, count N) and a filter; repeatable',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[]
    )
    .option('--once', 'exit after the first alert')
    .addHelpText('after', "\nExample:\n  socket-inspector watch --rule 'listen port:3000' --once")
    .action(async (opts: { rule: string[]; once?: boolean }) => {
      const inspector = new Inspector({ shell: 'cli', configDir: null })
      let stop: () => void = () => undefined
      const finish = async (): Promise<void> => {
        stop()
        await inspector.close()
      }
      stop = await runWatch(
        inspector,
        { rules: opts.rule, once: opts.once },
        (line) => console.log(line),
        () => void finish().finally(() => process.exit(0)),
        (line) => console.error(line)
      ).catch(async (err: unknown) => {
        await inspector.close()
        throw err
      })
      onShutdown(finish)
    })

  registerActionCommands(program)
  return program
}

/** This system's sources, from the one registry app:info and table:configure read. */
const SOURCES: readonly TableSourceId[] = platformSources().sources.map((s) => s.id)

function parseSource(value: string): TableSourceId {
  if (!(SOURCES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`this system's sources are ${SOURCES.join(', ')}.`)
  }
  return value as TableSourceId
}

function parseProtocols(value: string): SocketProtocol[] {
  const list = value.split(',').map((p) => p.trim().toLowerCase())
  const bad = list.find((p) => !(PROTOCOLS as readonly string[]).includes(p))
  if (bad !== undefined) throw new InvalidArgumentError(`"${bad}" is not one of tcp, udp, unix.`)
  return list as SocketProtocol[]
}

function parsePid(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('a pid is a whole number.')
  return Number(value)
}

function parseInterval(value: string): number {
  const ms = /^\d+$/.test(value) ? Number(value) : NaN
  if (!(ms >= 250 && ms <= 60_000))
    throw new InvalidArgumentError('the interval is 250 to 60000 ms.')
  return ms
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

export async function runProgram(argv: readonly string[], options: ProgramOptions): Promise<void> {
  try {
    await buildProgram(options).parseAsync([...argv])
  } catch (err) {
    reportFailure(err)
    process.exitCode = 1
  }
}
