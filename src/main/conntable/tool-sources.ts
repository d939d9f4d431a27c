// Sources that run a tool and parse its output: ss (Linux), lsof (Linux, macOS), netstat
// (Linux, macOS, and Windows with tasklist for names). The tool runs with a time limit; its stderr becomes
// part of what the source says it could not see.
import { execFile } from 'node:child_process'
import { InspectorFailure } from '../../shared/errors'
import type { SocketRow, TableSourceId } from '../../shared/model'
import { SAID_IDS, worded } from '../../shared/said'
import type { Worded } from '../../shared/said'
import { parseLsof } from './parse-lsof'
import {
  parseNetstatLinux,
  parseNetstatMac,
  parseNetstatWindows,
  parseTasklistCsv
} from './parse-netstat'
import { parseSs } from './parse-ss'
import { blindOf } from './source'
import type { SourceRead, TableSource } from './source'
import { findTool } from './sources'

const TOOL_TIMEOUT_MS = 15_000
const MAX_OUTPUT = 256 * 1024 * 1024

interface ToolRun {
  readonly stdout: string
  readonly stderr: string
}

/** Where each tool was found; looked up once, not on every poll. */
const toolPaths = new Map<string, Promise<string | null>>()

async function run(tool: string, args: readonly string[]): Promise<ToolRun> {
  if (!toolPaths.has(tool)) toolPaths.set(tool, findTool(tool))
  const path = await toolPaths.get(tool)!
  if (!path) {
    throw new InspectorFailure(
      'ENOTOOL',
      `${tool} is not installed on this machine.`,
      'Pick another source, or install it.'
    )
  }
  return new Promise((resolve, reject) => {
    execFile(
      path,
      [...args],
      { timeout: TOOL_TIMEOUT_MS, maxBuffer: MAX_OUTPUT, encoding: 'utf8' },
      (err, stdout, stderr) => {
        // lsof exits 1 when some files could not be listed; its output is still good.
        if (err && !stdout) {
          reject(
            new InspectorFailure(
              'ETOOL',
              `${tool} failed: ${(stderr || err.message).trim().split('\n')[0]}`
            )
          )
          return
        }
        resolve({ stdout, stderr })
      }
    )
  })
}

const blindFrom = (stderr: string): string[] =>
  stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 5)

class ToolSource implements TableSource {
  constructor(
    readonly id: TableSourceId,
    private readonly tool: string,
    private readonly args: readonly string[],
    private readonly parse: (out: string) => SocketRow[]
  ) {}

  async read(): Promise<SourceRead> {
    const { stdout, stderr } = await run(this.tool, this.args)
    // The tool's own lines stay as it wrote them; only our sentence has words to translate.
    const notes: (Worded | string)[] = blindFrom(stderr)
    if (process.getuid?.() !== 0 && process.platform !== 'win32') {
      notes.push(
        worded(
          SAID_IDS.noteOwnersHidden,
          undefined,
          "other users' sockets show without their owners (run as root to see them)"
        )
      )
    }
    return { rows: this.parse(stdout), ...blindOf(notes) }
  }
}

export const ssSource = (): TableSource =>
  // -e adds inodes (the rows' stable ids); -i adds TCP_INFO; -O keeps one socket a line.
  new ToolSource('ss', 'ss', ['-tuxanpieOH'], (out) => parseSs(out))

export const lsofSource = (): TableSource =>
  // i: inode (Linux), d: kernel address (macOS); both let one socket's records merge.
  new ToolSource('lsof', 'lsof', ['-nP', '-i', '-U', '-F', 'pcfdinPtT', '-w'], parseLsof)

export const netstatLinuxSource = (): TableSource =>
  // -W: IPv6 addresses whole, not cut to the column; -p: PID/Program. TCP and UDP only.
  new ToolSource('netstat', 'netstat', ['-tuanpW'], parseNetstatLinux)

export const netstatMacSource = (): TableSource =>
  // -v adds the owner's pid (and, on macOS 26, its name); -n keeps addresses numeric.
  new ToolSource('netstat', 'netstat', ['-anv'], parseNetstatMac)

export const netstatWindowsSource = (): TableSource => ({
  id: 'netstat',
  async read(): Promise<SourceRead> {
    const [{ stdout }, names] = await Promise.all([
      run('netstat', ['-ano']),
      run('tasklist', ['/fo', 'csv', '/nh']).then(
        (r) => parseTasklistCsv(r.stdout),
        () => new Map<number, string>()
      )
    ])
    return { rows: parseNetstatWindows(stdout, names), blind: [] }
  }
})
