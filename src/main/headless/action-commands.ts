// `socket-inspector close | kill | port`: the actions room from a terminal. Each asks before
// it acts unless --yes, prints a sentence (or --json), and exits with a code scripts can
// rely on (ACTION_EXIT, documented in the README).
import { createInterface } from 'node:readline/promises'
import { InvalidArgumentError } from 'commander'
import type { Command } from 'commander'
import type { PortReport } from '../../shared/actions-model'
import { formatEndpoint } from '../../shared/endpoint'
import { toInspectorError } from '../../shared/errors'
import type { Endpoint } from '../../shared/model'
import { invoke } from '../dispatch'
import { Inspector } from '../inspector'
import { formatPortReport } from './port-format'

/** Exit codes of close, kill and port. */
export const ACTION_EXIT = {
  done: 0,
  failed: 1,
  notConfirmed: 2,
  /** kill: still running after the wait; port: the address cannot be bound now. */
  notYet: 3,
  /** Refused or not permitted: pid 1, this app, another user's process, no privilege. */
  notAllowed: 4
} as const

const NOT_ALLOWED = new Set(['EPERM', 'EREFUSED', 'EOTHERUSER'])

/** "127.0.0.1:5000" or "[::1]:5000". */
export function parseEndpoint(value: string): Endpoint {
  const m = /^\[([0-9a-fA-F:.]+)\]:(\d{1,5})$/.exec(value) ?? /^([0-9.]+):(\d{1,5})$/.exec(value)
  const port = m ? Number(m[2]) : NaN
  if (!m || port < 1 || port > 65535) {
    throw new InvalidArgumentError(
      'an endpoint is ADDRESS:PORT, e.g. 127.0.0.1:5000, or [::1]:5000 for IPv6.'
    )
  }
  return { address: m[1]!, port }
}

function parseWhole(what: string, min: number, max: number) {
  return (value: string): number => {
    const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN
    if (!(n >= min && n <= max))
      throw new InvalidArgumentError(`${what} is a whole number from ${min} to ${max}.`)
    return n
  }
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    console.error(`${question} — not asked: no terminal to answer on. Add --yes to go ahead.`)
    return false
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr })
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim())
  } finally {
    rl.close()
  }
}

/** Runs one action with its own core, and prints and exits as documented. */
async function act<T>(
  json: boolean | undefined,
  run: (inspector: Inspector) => Promise<T>,
  print: (value: T) => number
): Promise<void> {
  const inspector = new Inspector({ shell: 'cli' })
  try {
    const value = await run(inspector)
    process.exitCode = print(value)
    if (json) console.log(JSON.stringify(value, null, 2))
  } catch (err) {
    const error = toInspectorError(err)
    if (json) console.log(JSON.stringify({ error }, null, 2))
    else {
      console.error(`error: ${error.message}`)
      if (error.hint) console.error(`hint: ${error.hint}`)
    }
    process.exitCode = NOT_ALLOWED.has(error.code) ? ACTION_EXIT.notAllowed : ACTION_EXIT.failed
  } finally {
    await inspector.close()
  }
}

interface CloseOpts {
  readonly reset?: boolean
  readonly yes?: boolean
  readonly json?: boolean
}
interface KillOpts {
  readonly force?: boolean
  readonly otherUser?: boolean
  readonly wait?: number
  readonly yes?: boolean
  readonly json?: boolean
}
interface PortOpts {
  readonly udp?: boolean
  readonly address?: string
  readonly free?: boolean
  readonly json?: boolean
}

export function registerActionCommands(program: Command): void {
  registerClose(program)
  registerKill(program)
  registerPort(program)
}

function registerClose(program: Command): void {
  program
    .command('close')
    .description("close a TCP connection: the app's own, or any process's on Linux (as root)")
    .argument('<local>', 'its local end, e.g. 127.0.0.1:5000 or [::1]:5000', parseEndpoint)
    .argument('<peer>', 'its remote end, e.g. 127.0.0.1:40312', parseEndpoint)
    .option('--reset', 'send RST (another process’s connection is always reset)')
    .option('-y, --yes', 'do not ask first')
    .option('--json', 'print the result (or the error) as JSON')
    .action(async (local: Endpoint, peer: Endpoint, opts: CloseOpts) => {
      const what = `Close ${formatEndpoint(local)} ⇄ ${formatEndpoint(peer)}`
      if (!opts.yes && !(await confirm(`${what}?`)))
        return void (process.exitCode = ACTION_EXIT.notConfirmed)
      await act(
        opts.json,
        (core) =>
          invoke(core, 'socket:close', { protocol: 'tcp', local, remote: peer, mode: 'reset' }),
        (r) => {
          if (!opts.json) console.log(r.message)
          return ACTION_EXIT.done
        }
      )
    })
}

function registerKill(program: Command): void {
  program
    .command('kill')
    .description('stop a process: SIGTERM, or SIGKILL with --force (Windows: taskkill)')
    .argument('<pid>', 'the process id', parseWhole('a pid', 1, 2 ** 31 - 1))
    .option('--force', 'SIGKILL (taskkill /F): asks twice unless --yes')
    .option('--other-user', 'allow stopping another user’s process')
    .option(
      '--wait <ms>',
      'how long to wait for it to exit (0–30000)',
      parseWhole('the wait', 0, 30_000)
    )
    .option('-y, --yes', 'do not ask first')
    .option('--json', 'print the result (or the error) as JSON')
    .action(async (pid: number, opts: KillOpts) => {
      const signal = opts.force ? 'SIGKILL' : 'SIGTERM'
      if (!opts.yes) {
        const ok =
          (await confirm(`Send ${signal} to pid ${pid}?`)) &&
          (!opts.force ||
            (await confirm('SIGKILL gives it no chance to clean up. Really kill it?')))
        if (!ok) return void (process.exitCode = ACTION_EXIT.notConfirmed)
      }
      await act(
        opts.json,
        (core) =>
          invoke(core, 'process:stop', {
            pid,
            force: opts.force === true,
            otherUser: opts.otherUser === true,
            ...(opts.wait === undefined ? {} : { waitMs: opts.wait })
          }),
        (r) => {
          if (!opts.json) console.log(r.message)
          return r.outcome === 'exited' ? ACTION_EXIT.done : ACTION_EXIT.notYet
        }
      )
    })
}

function registerPort(program: Command): void {
  program
    .command('port')
    .description('who holds this port, and can 127.0.0.1, 0.0.0.0 and :: be bound on it now')
    .argument('<port>', 'the port', parseWhole('a port', 1, 65535))
    .option('--udp', 'UDP instead of TCP')
    .option('--address <ip>', 'the address you want to bind (default 127.0.0.1)')
    .option('--free', 'also find a free port near it')
    .option('--json', 'print the report as JSON')
    .action(async (port: number, opts: PortOpts) => {
      const protocol = opts.udp ? 'udp' : 'tcp'
      const address = opts.address
      await act(
        opts.json,
        async (core): Promise<PortReport & { free?: number | null }> => {
          const report = await invoke(core, 'port:who', {
            port,
            protocol,
            ...(address ? { address } : {})
          })
          if (!opts.free) return report
          const free = await invoke(core, 'port:free', {
            near: port,
            protocol,
            ...(address ? { address } : {})
          })
          return { ...report, free }
        },
        (r) => {
          if (!opts.json) {
            console.log(formatPortReport(r, Date.now()))
            if (r.free !== undefined)
              console.log(
                r.free === null ? 'No free port within 100 of it.' : `Nearest free port: ${r.free}`
              )
          }
          return r.verdicts[0]?.canBind ? ACTION_EXIT.done : ACTION_EXIT.notYet
        }
      )
    })
}
