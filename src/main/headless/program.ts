// `socket-inspector`'s commands: the core behind a terminal (TCPView ships tcpvcon for the
// same reason). cli.ts is the entry that runs it.
// Each command's modules load only when that command runs: its action does
// `await import('./x-command')`, so `--version`, `--help` and every other command start
// without the core, http, ws or zod (issue 14: start ≤ 1.3× a bare `node -e 0`). A new
// command follows the same pattern; only option parsers are imported up here.
import { resolve } from 'node:path'
import { Command, InvalidArgumentError } from 'commander'
import { toInspectorError } from '../../shared/errors'
import { APP_VERSION } from '../app-info'
import { defaultConfigDir } from '../settings/config-dir'
import { registerActionCommands } from './action-commands'
import { reexecWithCoreFlags } from './core-flags'
import type { SocketProtocol, TableSourceId } from '../../shared/model'
import { parseInterval, parsePid, parseProtocols, parseSource } from './table-options'
import { registerRecord } from './record-command'
import { registerExporter } from './exporter-command'
import type { ServeCliOptions } from './serve-command'

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

/** What commander parses for `serve`; the program adds where the renderer and settings are. */
type ServeOptions = Omit<ServeCliOptions, 'rendererDir' | 'configDir'>

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
    .option(
      '--open [recording]',
      'open the UI in the default browser; with a recording file, replay it in the UI instead'
    )
    .option('--allow-remote', 'allow a non-loopback --host (anyone with the token can use it)')
    .option('--metrics', 'also expose Prometheus metrics at /metrics (bearer: the token)')
    .option('--metrics-public', 'with --metrics: serve /metrics without the token')
    .action(async (opts: ServeOptions) => {
      await reexecWithCoreFlags()
      const { runServe } = await import('./serve-command')
      onShutdown(
        await runServe({ ...opts, rendererDir: options.rendererDir, configDir: configDir() })
      )
    })

  program
    .command('echo')
    .description('run echo servers and print each session as it opens and closes (Ctrl-C stops)')
    .option('--tcp <port>', 'a TCP echo server on this port (0 = any free port)', parsePort)
    .option('--udp <port>', 'a UDP echo server on this port (0 = any free port)', parsePort)
    .option('--unix <path>', 'a Unix-socket echo server at this path')
    .option(
      '--tls <port>',
      'a TLS echo server on this port (self-signed cert unless --cert/--key)',
      parsePort
    )
    .option('--cert <file>', 'the TLS server’s certificate (PEM), with --key')
    .option('--key <file>', 'the TLS server’s private key (PEM), with --cert')
    .option('--host <host>', 'address the TCP and UDP servers bind', '127.0.0.1')
    .option(
      '--greeting <text>',
      'sent to each TCP/Unix client on accept (escapes: \\n \\r \\t \\xNN)'
    )
    .option('--pcapng <file>', 'on exit, write every session served to FILE for Wireshark')
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
        tls?: number
        cert?: string
        key?: string
        pcapng?: string
      }) => {
        await reexecWithCoreFlags()
        const [{ Inspector }, { runEcho }] = await Promise.all([
          import('../inspector'),
          import('./echo-command')
        ])
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
    .option(
      '--source <source>',
      'procfs | ss | lsof (Linux), lsof (macOS), netstat (Windows)',
      parseSource
    )
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
        const { runTableCommand } = await import('./table-command')
        const stop = await runTableCommand({
          ...opts,
          protocols: opts.proto,
          intervalMs: opts.interval,
          configDir: configDir()
        })
        if (stop) onShutdown(stop)
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
      const [{ Inspector }, { runWatch }] = await Promise.all([
        import('../inspector'),
        import('./watch-command')
      ])
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
  registerRecord(program, onShutdown)
  registerExporter(program, parsePort, onShutdown)
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
