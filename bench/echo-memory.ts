// Memory with 1,000 idle sessions whose traffic logs are full: the core must stay within
// the configured bound (1 MiB a session, 64 MiB in all) plus per-session bookkeeping.
// The comparison in the same run is the same 1,000 sessions with the traffic log off.
//   node --expose-gc node_modules/.bin/tsx bench/echo-memory.ts  (npm run bench:memory)
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { Inspector } from '../src/main/inspector'
import { TRAFFIC_PER_SESSION_BYTES, TRAFFIC_TOTAL_BYTES } from '../src/main/echo/traffic-log'

const SESSIONS = 1_000
const BYTES_EACH = 1024 * 1024
const MiB = 2 ** 20

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')

interface Sample {
  readonly rss: number
  readonly heapUsed: number
  readonly arrayBuffers: number
}

function sample(): Sample {
  gc!()
  gc!()
  const m = process.memoryUsage()
  return { rss: m.rss, heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers }
}

async function measure(logBytes: {
  perSessionBytes: number
  totalBytes: number
}): Promise<{ growth: Sample; held: number; sessions: number }> {
  const inspector = new Inspector({ shell: 'test', traffic: logBytes })
  const server = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0, backlog: 2048 }])
  const before = sample()
  const clients = spawn(
    process.execPath,
    [
      join(__dirname, 'lib/idle-clients.mjs'),
      String(server.port),
      String(SESSIONS),
      String(BYTES_EACH)
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  await new Promise<void>((resolve, reject) => {
    clients.stdout.on('data', (c: Buffer) => c.toString().includes('idle') && resolve())
    clients.once('exit', (code) => reject(new Error(`clients exited with ${code}`)))
  })
  // Let the last echo writes complete before measuring.
  for (
    let i = 0;
    i < 100 && inspector.internals.servers.list()[0]!.bytesOut < SESSIONS * BYTES_EACH;
    i++
  ) {
    await new Promise((r) => setTimeout(r, 50))
  }
  const after = sample()
  const result = {
    growth: {
      rss: after.rss - before.rss,
      heapUsed: after.heapUsed - before.heapUsed,
      arrayBuffers: after.arrayBuffers - before.arrayBuffers
    },
    held: inspector.internals.traffic.bytesHeld,
    sessions: inspector.internals.sessions.list().filter((s) => s.state === 'open').length
  }
  clients.kill('SIGTERM')
  await new Promise((r) => clients.once('exit', r))
  await inspector.close()
  return result
}

const fmt = (n: number): string => `${(n / MiB).toFixed(1)} MiB`

const MODES = {
  'with log': { perSessionBytes: TRAFFIC_PER_SESSION_BYTES, totalBytes: TRAFFIC_TOTAL_BYTES },
  'without log': { perSessionBytes: 0, totalBytes: 0 }
} as const
type Mode = keyof typeof MODES
type Result = Awaited<ReturnType<typeof measure>>

/** Runs one mode in a fresh process (this same file, with --mode) and reads its JSON line. */
function inChild(mode: Mode): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename, '--mode', mode], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Result) : reject(new Error(`${mode}: exit ${code}`))
    )
  })
}

async function main(): Promise<void> {
  const modeArg = process.argv.indexOf('--mode')
  if (modeArg > 0) {
    const mode = process.argv[modeArg + 1] as Mode
    console.log(JSON.stringify(await measure(MODES[mode])))
    return
  }
  const withLog = await inChild('with log')
  const withoutLog = await inChild('without log')
  const logCost = withLog.growth.arrayBuffers - withoutLog.growth.arrayBuffers
  console.log(
    `${SESSIONS} idle sessions, each echoed ${fmt(BYTES_EACH)}; the log's bound: ${fmt(TRAFFIC_PER_SESSION_BYTES)} a session, ${fmt(TRAFFIC_TOTAL_BYTES)} in all`
  )
  console.log(
    `  sessions open: ${withLog.sessions}; traffic held ${fmt(withLog.held)} (in and out of an echo share one buffer)`
  )
  console.log(
    `  with log:    rss +${fmt(withLog.growth.rss)}, heap +${fmt(withLog.growth.heapUsed)}, buffers +${fmt(withLog.growth.arrayBuffers)}`
  )
  console.log(
    `  without log: rss +${fmt(withoutLog.growth.rss)}, heap +${fmt(withoutLog.growth.heapUsed)}, buffers +${fmt(withoutLog.growth.arrayBuffers)}`
  )
  console.log(
    `  the log's own buffers: ${fmt(logCost)} (${((logCost / TRAFFIC_TOTAL_BYTES) * 100).toFixed(1)}% of its bound)`
  )
  console.log(
    JSON.stringify({
      sessions: SESSIONS,
      bytesEach: BYTES_EACH,
      bound: TRAFFIC_TOTAL_BYTES,
      withLog,
      withoutLog,
      logCost
    })
  )
  if (withLog.held > TRAFFIC_TOTAL_BYTES || logCost > TRAFFIC_TOTAL_BYTES) {
    console.error('over the configured bound')
    process.exit(1)
  }
}

void main()
