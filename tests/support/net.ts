// Helpers for tests that move real bytes over loopback. Every wait is bounded.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, connect } from 'node:net'
import type { Server } from 'node:net'

/** How often waitFor looks again. */
const WAIT_STEP_MS = 25

/**
 * Polls a condition every 25 ms, since events arrive asynchronously: for 10 s by default,
 * longer where a step is slow on a loaded host (a process start, a first table read).
 */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what = 'condition',
  limitMs = 10_000
): Promise<void> {
  for (let i = 0; i < limitMs / WAIT_STEP_MS; i++) {
    if (await condition()) return
    await new Promise((r) => setTimeout(r, WAIT_STEP_MS))
  }
  throw new Error(`${what} not met in ${limitMs / 1000} s`)
}

/** How many times a helper asks the kernel for another port before giving up. */
const PORT_TRIES = 50

/**
 * How many sockets in this machine's tables have `port` as their local or remote port.
 * Linux only (elsewhere 0): tests that filter the table by `port:N` and count rows need a
 * port no other socket shares, and a port Node gets from listen(0) can still be the local
 * port of another process's TIME_WAIT (SO_REUSEADDR lets the bind through) or the remote
 * port of a connection to an old listener.
 */
export function socketsOnPort(port: number): number {
  if (process.platform !== 'linux') return 0
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`
  let count = 0
  for (const table of ['tcp', 'tcp6', 'udp', 'udp6']) {
    let text = ''
    try {
      text = readFileSync(`/proc/net/${table}`, 'utf8')
    } catch {
      continue // no IPv6 here
    }
    for (const line of text.split('\n').slice(1)) {
      const [, local, remote] = line.trim().split(/\s+/)
      if (local?.endsWith(hex) || remote?.endsWith(hex)) count++
    }
  }
  return count
}

/**
 * Listens on a port no other socket on the machine shares, so a `port:N` filter shows
 * this test's sockets and nothing else. Retries listen(0) a bounded number of times.
 */
export async function listenAlone(server: Server, host = '127.0.0.1'): Promise<number> {
  for (let i = 0; i < PORT_TRIES; i++) {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
    const { port } = server.address() as { port: number }
    if (socketsOnPort(port) <= 1) return port
    await new Promise((r) => server.close(r))
  }
  throw new Error(`no port free of other sockets in ${PORT_TRIES} tries`)
}

/** A port nobody uses right now, not even a TIME_WAIT (bound, then released). */
export async function unusedPort(host = '127.0.0.1'): Promise<number> {
  const server = createServer()
  const port = await listenAlone(server, host)
  await new Promise((r) => server.close(r))
  return port
}

export interface EchoResult {
  readonly received: Buffer
  readonly sawEnd: boolean
}

/** A plain Node client: sends everything, half-closes, and collects what comes back. */
export function roundTrip(
  target: { port: number; host?: string } | { path: string },
  data: Buffer,
  chunk = 64 * 1024
): Promise<EchoResult> {
  return new Promise((resolve, reject) => {
    const socket =
      'path' in target
        ? connect({ path: target.path })
        : connect({ port: target.port, host: target.host ?? '127.0.0.1' })
    const parts: Buffer[] = []
    let sawEnd = false
    socket.on('data', (d: Buffer) => parts.push(d))
    socket.on('end', () => (sawEnd = true))
    socket.on('error', reject)
    socket.on('close', () => resolve({ received: Buffer.concat(parts), sawEnd }))
    socket.on('connect', () => {
      let offset = 0
      const pump = (): void => {
        while (offset < data.length) {
          const piece = data.subarray(offset, offset + chunk)
          offset += piece.length
          if (!socket.write(piece)) {
            socket.once('drain', pump)
            return
          }
        }
        socket.end()
      }
      pump()
    })
  })
}

/** Starts a helper process and waits for its first line of output. */
export function startProcess(
  command: string,
  args: string[]
): Promise<{ child: ChildProcess; firstLine: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const timer = setTimeout(() => reject(new Error(`${command} did not start: ${out}`)), 15_000)
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString()
      const nl = out.indexOf('\n')
      if (nl >= 0) {
        clearTimeout(timer)
        resolve({ child, firstLine: out.slice(0, nl) })
      }
    })
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code}: ${out}`)))
  })
}

/** Stops a process this test started, by its pid, and waits for it to go. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const gone = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await gone
}
