// What the table benchmarks share: their command-line numbers, and ~N loopback TCP
// connections held by two helper processes (hold-connections.mjs), so the OS table has
// that many sockets while they measure. Only the processes started here are stopped.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { stop } from './procs.mjs'

/** `--name N` from the command line, else the fallback. */
export const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}

/** The first line a helper prints (it prints one when it is ready). */
export function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      if (out.includes('\n')) resolve(out.split('\n')[0]!)
    })
    child.once('exit', (code) => reject(new Error(`helper exited with ${code}`)))
  })
}

/** Two helper processes holding `count` loopback connections; stop() ends both. */
export async function holdConnections(count: number): Promise<{ stop: () => Promise<unknown> }> {
  const helper = join(__dirname, 'hold-connections.mjs')
  const server = spawn(process.execPath, [helper, 'server'], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const port = await firstLine(server)
  const clients = spawn(process.execPath, [helper, 'client', port, String(count)], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  await firstLine(clients)
  return { stop: () => Promise.all([stop(clients), stop(server)]) }
}
