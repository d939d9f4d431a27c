// Starting and stopping the peers a benchmark compares. Only processes started here are
// stopped, by their own pid.
import { spawn } from 'node:child_process'
import { createConnection } from 'node:net'

export function start(command, args, opts = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts })
  child.stdout.on('data', () => undefined)
  child.stderr.on('data', () => undefined)
  return child
}

export async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const gone = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await gone
  clearTimeout(timer)
}

/** Waits until a TCP port accepts connections (bounded: 400 × 25 ms). */
export async function waitForPort(port, host = '127.0.0.1') {
  for (let i = 0; i < 400; i++) {
    const ok = await new Promise((resolve) => {
      const s = createConnection({ port, host })
      s.once('connect', () => {
        s.destroy()
        resolve(true)
      })
      s.once('error', () => resolve(false))
    })
    if (ok) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`nothing listens on ${host}:${port}`)
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export function machine() {
  return import('node:os').then((os) => ({
    cpu: os.cpus()[0]?.model ?? '?',
    cores: os.cpus().length,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: os.release(),
    node: process.versions.node
  }))
}
