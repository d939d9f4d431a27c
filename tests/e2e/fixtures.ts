// A worker-scoped `socket-inspector serve` — the real built CLI and core — for the browser
// specs, stopped by pid when the worker ends.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base } from '@playwright/test'

export interface Served {
  /** The full URL with the token, as `serve` printed it. */
  readonly url: string
  readonly origin: string
  readonly pid: number
}

const CLI = resolve(__dirname, '../../out/main/cli.js')
const START_TIMEOUT_MS = 20_000

export interface ServeOptions {
  /** 0 (the default) = any free port. */
  readonly port?: number
  /** A fixed token (SOCKET_INSPECTOR_TOKEN), so a restart keeps the page's URL. */
  readonly token?: string
}

/** Starts `serve`; the caller stops it by the returned child's pid. */
export function startServe(
  options: ServeOptions = {}
): Promise<{ child: ChildProcess; served: Served }> {
  // A fresh settings folder per worker: what one run remembers never leaks into the next.
  const config = mkdtempSync(join(tmpdir(), 'si-e2e-config-'))
  const port = String(options.port ?? 0)
  const env = options.token ? { ...process.env, SOCKET_INSPECTOR_TOKEN: options.token } : undefined
  const child = spawn(process.execPath, [CLI, 'serve', '--port', port, '--config', config], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env
  })
  return new Promise((res, rej) => {
    let out = ''
    const timer = setTimeout(() => rej(new Error(`serve did not start: ${out}`)), START_TIMEOUT_MS)
    const onData = (chunk: Buffer): void => {
      out += chunk.toString()
      const m = /Socket Inspector at (http:\/\/[^\s]+)/.exec(out)
      if (!m?.[1]) return
      clearTimeout(timer)
      const url = new URL(m[1])
      res({ child, served: { url: m[1], origin: url.origin, pid: child.pid ?? -1 } })
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => rej(new Error(`serve exited with ${code}: ${out}`)))
  })
}

export const test = base.extend<object, { served: Served }>({
  served: [
    async ({}, use) => {
      const { child, served } = await startServe()
      await use(served)
      const gone = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await gone
    },
    { scope: 'worker' }
  ]
})

export { expect } from '@playwright/test'
