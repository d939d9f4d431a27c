// What a Prometheus scrape sees, read from the inspector at scrape time: sockets by protocol
// and state, listening ports, the processes holding the most sockets and TCP bytes (top N, so
// the number of series stays bounded), echo sessions and bytes, poll durations, source health.
import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { OpenMetricsContentType } from 'prom-client'
import type { Listener, Session, TableRow, TableStatus } from '../../shared/model'
import type { CoreApi } from '../core-api'

/** Processes named one by one; the rest are summed under process="(other)". */
export const METRICS_TOP_PROCESSES = 20
/** Listening ports named one by one; more are counted but not labelled. */
export const METRICS_LISTENING_PORTS_MAX = 200
const PREFIX = 'socket_inspector_'
/** Poll durations (s): a /proc walk takes from milliseconds to seconds on a busy host. */
const POLL_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const OTHER = '(other)'

export interface MetricsOptions {
  readonly topProcesses?: number
}

export interface Metrics {
  /** The exposition for this Accept header: OpenMetrics when asked for, else Prometheus text. */
  render(accept: string | undefined): Promise<{ body: string; contentType: string }>
  dispose(): void
}

interface ProcessTotals {
  process: string
  pid: number
  sockets: number
  sent: number
  received: number
}

function byProcess(rows: readonly TableRow[]): ProcessTotals[] {
  const totals = new Map<number, ProcessTotals>()
  for (const row of rows) {
    if (row.closingSince !== null) continue
    // A socket shared by several fds of one process counts once for it.
    const pids = new Set<number>()
    for (const o of row.owners) {
      if (pids.has(o.pid)) continue
      pids.add(o.pid)
      let t = totals.get(o.pid)
      if (!t)
        totals.set(
          o.pid,
          (t = { process: o.process ?? '?', pid: o.pid, sockets: 0, sent: 0, received: 0 })
        )
      t.sockets++
      t.sent += row.tcpInfo?.bytesSent ?? 0
      t.received += row.tcpInfo?.bytesReceived ?? 0
    }
  }
  return [...totals.values()]
}

function top<T>(items: readonly T[], n: number, key: (t: T) => number): { top: T[]; rest: T[] } {
  const sorted = [...items].sort((a, b) => key(b) - key(a))
  return { top: sorted.slice(0, n), rest: sorted.slice(n) }
}

const sum = <T>(items: readonly T[], key: (t: T) => number): number =>
  items.reduce((acc, t) => acc + key(t), 0)

/**
 * Counters are named without "_total": prom-client adds it to OpenMetrics samples (and strips
 * it from a shared metric's name when rendering OpenMetrics), but not to the Prometheus text
 * format. Adding it there too gives one series name, x_total, whichever format the scraper
 * negotiated, and satisfies promtool's lint.
 */
export function counterTotals(text: string): string {
  const counters = new Set<string>()
  for (const m of text.matchAll(/^# TYPE (\S+) counter$/gm)) counters.add(m[1]!)
  if (counters.size === 0) return text
  return text.replace(
    /^(# (?:HELP|TYPE) )?([a-zA-Z_:][a-zA-Z0-9_:]*)(?=[ {])/gm,
    (all, head: string | undefined, name: string) =>
      counters.has(name) ? `${head ?? ''}${name}_total` : all
  )
}

export function createMetrics(core: CoreApi, options: MetricsOptions = {}): Metrics {
  const n = options.topProcesses ?? METRICS_TOP_PROCESSES
  const prom = new Registry()
  const open = new Registry<OpenMetricsContentType>()
  open.setContentType(Registry.OPENMETRICS_CONTENT_TYPE)
  const registers = [prom, open] as Registry[]
  let rows: readonly TableRow[] = []
  // The table polls while someone listens; the exporter is that someone.
  const off = core.on('table:diff', () => {
    polls.inc()
    void core.call('table:status', []).then((s) => {
      if (s.pollMs !== null) pollSeconds.observe(s.pollMs / 1000)
    })
  })
  let status: TableStatus | null = null
  let sessions: readonly Session[] = []
  let servers: readonly Listener[] = []
  // One read of the core per scrape, before the metrics are collected from it.
  const refresh = async (): Promise<void> => {
    ;[{ rows }, status, sessions, servers] = await Promise.all([
      core.call('table:snapshot', []),
      core.call('table:status', []),
      core.call('session:list', []),
      core.call('echo:list', [])
    ])
  }

  new Gauge({
    name: `${PREFIX}sockets`,
    help: 'Sockets on this host by protocol and kernel state.',
    labelNames: ['protocol', 'state'],
    registers,
    collect() {
      this.reset()
      for (const r of rows) {
        if (r.closingSince === null) this.inc({ protocol: r.protocol, state: r.state ?? 'UNKNOWN' })
      }
    }
  })
  new Gauge({
    name: `${PREFIX}listening_sockets`,
    help: `Listening TCP and bound UDP sockets by port (the first ${METRICS_LISTENING_PORTS_MAX} ports).`,
    labelNames: ['protocol', 'port'],
    registers,
    collect() {
      this.reset()
      const ports = new Set<string>()
      for (const r of rows) {
        const listening = r.state === 'LISTEN' || (r.protocol === 'udp' && r.state === 'UNCONN')
        if (!listening || r.localPort === null || r.closingSince !== null) continue
        const key = `${r.protocol}/${r.localPort}`
        if (!ports.has(key) && ports.size >= METRICS_LISTENING_PORTS_MAX) continue
        ports.add(key)
        this.inc({ protocol: r.protocol, port: String(r.localPort) })
      }
    }
  })
  const processGauge = (name: string, help: string, value: (t: ProcessTotals) => number): void =>
    void new Gauge({
      name: `${PREFIX}${name}`,
      help: `${help} The top ${n} processes; the rest summed as process="${OTHER}".`,
      labelNames: ['process', 'pid'],
      registers,
      collect() {
        this.reset()
        const ranked = top(byProcess(rows), n, value)
        for (const t of ranked.top) this.set({ process: t.process, pid: String(t.pid) }, value(t))
        if (ranked.rest.length > 0) this.set({ process: OTHER, pid: '' }, sum(ranked.rest, value))
      }
    })
  processGauge('process_sockets', 'Sockets each process holds.', (t) => t.sockets)
  processGauge(
    'process_tcp_sent_bytes',
    'TCP_INFO bytes sent on the open sockets of each process.',
    (t) => t.sent
  )
  processGauge(
    'process_tcp_received_bytes',
    'TCP_INFO bytes received on the open sockets of each process.',
    (t) => t.received
  )

  new Gauge({
    name: `${PREFIX}echo_sessions`,
    help: "The app's echo sessions by protocol and state (closed ones as long as they are kept).",
    labelNames: ['protocol', 'state'],
    registers,
    collect() {
      this.reset()
      for (const s of sessions) this.inc({ protocol: s.protocol, state: s.state })
    }
  })
  const echoBytes = new Counter({
    name: `${PREFIX}echo_bytes`,
    help: "Bytes the app's echo servers received (in) and sent (out).",
    labelNames: ['direction'],
    registers
  })
  const echoSessions = new Counter({
    name: `${PREFIX}echo_sessions_accepted`,
    help: "Sessions the app's echo servers have accepted.",
    registers
  })
  const seen = { in: 0, out: 0, sessions: 0 }
  const advance = (): void => {
    const now = {
      in: sum(servers, (l) => l.bytesIn),
      out: sum(servers, (l) => l.bytesOut),
      sessions: sum(servers, (l) => l.sessionsTotal)
    }
    // A stopped server leaves the list; counters only go up, so count what is new.
    if (now.in > seen.in) echoBytes.inc({ direction: 'in' }, now.in - seen.in)
    if (now.out > seen.out) echoBytes.inc({ direction: 'out' }, now.out - seen.out)
    if (now.sessions > seen.sessions) echoSessions.inc(now.sessions - seen.sessions)
    Object.assign(seen, now)
  }
  echoBytes.inc({ direction: 'in' }, 0)
  echoBytes.inc({ direction: 'out' }, 0)

  const pollSeconds = new Histogram({
    name: `${PREFIX}poll_duration_seconds`,
    help: 'How long each read of the socket table took.',
    buckets: POLL_BUCKETS,
    registers
  })
  const polls = new Counter({
    name: `${PREFIX}polls`,
    help: 'Reads of the socket table.',
    registers
  })
  new Gauge({
    name: `${PREFIX}source_health`,
    help: 'The table source in use: 1 for its current health (ok, degraded, failed), 0 for the others.',
    labelNames: ['source', 'health'],
    registers,
    collect() {
      this.reset()
      const s = status
      if (!s) return
      for (const h of ['ok', 'degraded', 'failed'])
        this.set({ source: s.source, health: h }, h === s.health ? 1 : 0)
    }
  })
  new Gauge({
    name: `${PREFIX}source_blind_spots`,
    help: "Things the source says it could not see (other users' sockets without root, a missing tool).",
    registers,
    collect() {
      if (status) this.set(status.blind.length)
    }
  })

  return {
    async render(accept) {
      await refresh()
      advance()
      if (accept?.includes('application/openmetrics-text')) {
        return { body: await open.metrics(), contentType: open.contentType }
      }
      return { body: counterTotals(await prom.metrics()), contentType: prom.contentType }
    },
    dispose() {
      off()
      prom.clear()
      open.clear()
    }
  }
}
