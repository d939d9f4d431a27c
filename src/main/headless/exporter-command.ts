// `socket-inspector exporter`: Prometheus metrics for this host at /metrics, without the UI —
// one per host, scraped by the Prometheus a team already runs. And `serve --metrics`.
import { InvalidArgumentError } from 'commander'
import type { Command } from 'commander'
// The core, prom-client and http load only when the command runs (see program.ts).
import type { Inspector } from '../inspector'
import type { MetricsAccess } from '../metrics/http'
import { isLoopbackHost } from './net-policy'

function parseTop(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN
  if (!(n >= 1 && n <= 1000)) throw new InvalidArgumentError('--top is 1 to 1000 processes.')
  return n
}

interface ExporterCliOptions {
  host: string
  port: number
  allowRemote?: boolean
  tokenFile?: string
  metricsPublic?: boolean
  top?: number
}

export function registerExporter(
  program: Command,
  parsePort: (value: string) => number,
  onShutdown: (close: () => Promise<void>) => void
): void {
  program
    .command('exporter')
    .description("expose this host's sockets as Prometheus metrics at /metrics (no UI)")
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', parsePort, 9108)
    .option('--allow-remote', 'allow a non-loopback --host')
    .option(
      '--token-file <file>',
      'the bearer token scrapers must send (default: a fresh one, printed)'
    )
    .option('--metrics-public', 'serve /metrics without a token')
    .option('--top <n>', 'processes named one by one in per-process metrics', parseTop)
    .action(async (opts: ExporterCliOptions) => {
      const [{ Inspector }, { exporterToken, startExporter }] = await Promise.all([
        import('../inspector'),
        import('../metrics/http')
      ])
      const token = exporterToken(opts.tokenFile)
      const inspector = new Inspector({ shell: 'cli' })
      const exporter = await startExporter({
        inspector,
        host: opts.host,
        port: opts.port,
        allowRemote: opts.allowRemote === true,
        token,
        public: opts.metricsPublic === true,
        topProcesses: opts.top
      }).catch(async (err: unknown) => {
        await inspector.close()
        throw err
      })
      if (!isLoopbackHost(opts.host)) {
        console.error(
          `warning: exporting metrics on ${opts.host}; anyone who can reach it${opts.metricsPublic ? '' : ' and has the token'} can read them.`
        )
      }
      console.log(`Metrics at ${exporter.url}`)
      if (!opts.metricsPublic && opts.tokenFile === undefined) console.log(`Bearer token: ${token}`)
      onShutdown(async () => {
        await exporter.close()
        await inspector.close()
      })
    })
}

/** `serve --metrics`: /metrics beside the UI, behind the serve token unless public. */
export async function serveMetricsAccess(
  inspector: Inspector,
  opts: { metrics?: boolean; metricsPublic?: boolean }
): Promise<MetricsAccess | undefined> {
  if (!opts.metrics) return undefined
  const { createMetrics } = await import('../metrics/collector')
  return { metrics: createMetrics(inspector), public: opts.metricsPublic === true }
}
