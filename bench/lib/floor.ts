// The C sock_diag dump (bench/floor/sock-diag-dump.c), compiled with gcc when it is here:
// the kernel's floor a table snapshot is compared with.
import { execFile, execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'

const root = join(__dirname, '../..')
const binary = join(root, 'out/bench/sock-diag-dump')

export interface FloorRun {
  /** Each snapshot's wall time. */
  readonly ms: number[]
  readonly sockets: number
  /** The whole run's CPU time. */
  readonly cpuSeconds: number
}

/** Compiles the floor; `binary` is null (and `why` says why) when gcc is not installed. */
export function buildFloor(): { binary: string | null; why: string | null } {
  try {
    mkdirSync(dirname(binary), { recursive: true })
    execFileSync('gcc', ['-O2', '-o', binary, join(root, 'bench/floor/sock-diag-dump.c')])
    return { binary, why: null }
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0]
    return { binary: null, why: `the C floor was not built (${first})` }
  }
}

/** Runs `rounds` snapshots `intervalMs` apart in one process. */
export function runFloor(bin: string, rounds: number, intervalMs = 0): Promise<FloorRun> {
  return new Promise((resolve, reject) =>
    execFile(bin, [String(rounds), String(intervalMs)], { timeout: 10 * 60_000 }, (err, out) =>
      err ? reject(err) : resolve(JSON.parse(out) as FloorRun)
    )
  )
}
