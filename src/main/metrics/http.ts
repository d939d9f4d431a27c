// GET /metrics: the bearer token unless the user chose --metrics-public, then the exposition.
// Shared by `serve --metrics` (one branch in headless/server.ts) and `exporter`.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { InspectorFailure } from '../../shared/errors'
import { hostOfHeader, isLoopbackHost, urlHost } from '../headless/net-policy'
import type { Inspector } from '../inspector'
import { listenFailure } from '../net-errors'
import { createMetrics } from './collector'
import type { Metrics } from './collector'

export const METRICS_PATH = '/metrics'
const TOKEN_BYTES = 24

export interface MetricsAccess {
  readonly metrics: Metrics
  /** True when the bearer token is not required (--metrics-public). */
  readonly public: boolean
}

function reply(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers
  })
  res.end(`${text}\n`)
}

export function bearerOf(req: IncomingMessage): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
  return m?.[1] ?? null
}

/** Answers a request for /metrics; `hasToken` is the caller's constant-time token check. */
export async function serveMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  access: MetricsAccess,
  hasToken: (candidate: string | null) => boolean
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'Method not allowed.')
  if (!access.public && !hasToken(bearerOf(req))) {
    return reply(
      res,
      401,
      'Metrics need the token as a bearer header (Prometheus: authorization: { credentials_file: … }), or start with --metrics-public.',
      { 'WWW-Authenticate': 'Bearer realm="socket-inspector"' }
    )
  }
  const { body, contentType } = await access.metrics.render(req.headers.accept)
  res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' })
  res.end(req.method === 'HEAD' ? undefined : body)
}

export function tokenChecker(token: string): (candidate: string | null) => boolean {
  const expected = Buffer.from(token)
  return (candidate) => {
    if (!candidate) return false
    const given = Buffer.from(candidate)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }
}

/** A token from a file (what Prometheus's credentials_file points at), or a fresh one. */
export function exporterToken(file: string | undefined): string {
  if (file === undefined) return randomBytes(TOKEN_BYTES).toString('base64url')
  let text: string
  try {
    text = readFileSync(file, 'utf8').trim()
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO'
    throw new InspectorFailure(
      code,
      `Cannot read the token file ${file} (${code}).`,
      'Check the path and its permissions.'
    )
  }
  if (!/^[\x21-\x7e]{16,}$/.test(text)) {
    throw new InspectorFailure(
      'EINVAL',
      `The token in ${file} is too short or has spaces.`,
      'Put one token of at least 16 visible characters in it, e.g. `openssl rand -hex 24 > FILE`.'
    )
  }
  return text
}

export interface ExporterOptions {
  readonly inspector: Inspector
  readonly host: string
  readonly port: number
  readonly allowRemote: boolean
  readonly token: string
  readonly public: boolean
  readonly topProcesses?: number
}

export interface Exporter {
  readonly url: string
  close(): Promise<void>
}

/** `socket-inspector exporter`: /metrics only, no UI. */
export async function startExporter(o: ExporterOptions): Promise<Exporter> {
  const remote = !isLoopbackHost(o.host)
  if (remote && !o.allowRemote) {
    throw new InspectorFailure(
      'EREMOTE',
      `Refusing to export metrics on ${o.host}: the exporter listens on loopback only.`,
      'Scrape through an SSH tunnel, or pass --allow-remote (the token still guards /metrics unless --metrics-public).'
    )
  }
  const metrics = createMetrics(o.inspector, { topProcesses: o.topProcesses })
  const access: MetricsAccess = { metrics, public: o.public }
  const hasToken = tokenChecker(o.token)
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const h = hostOfHeader(req.headers.host)
    // As for serve: on loopback, only loopback Host names (no DNS rebinding).
    if (!remote && (h === null || !isLoopbackHost(h))) return reply(res, 403, 'Host not allowed.')
    if (url.pathname !== METRICS_PATH)
      return reply(res, 404, 'Not found: the metrics are at /metrics.')
    serveMetrics(req, res, access, hasToken).catch(() => reply(res, 500, 'Internal error.'))
  })
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        listenFailure(err, { protocol: 'tcp', where: `${urlHost(o.host)}:${o.port}`, port: o.port })
      )
    )
    server.listen({ host: o.host, port: o.port, exclusive: true }, () =>
      resolve(server.address() as AddressInfo)
    )
  })
  return {
    url: `http://${urlHost(o.host)}:${address.port}${METRICS_PATH}`,
    close: async () => {
      metrics.dispose()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
