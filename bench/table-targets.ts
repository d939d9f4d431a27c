// Issue 14's connection-table rows, measured in one run against their peers (run with tsx:
// it loads the TypeScript sources). With N loopback connections held by two helper
// processes (2N sockets plus the machine's own):
//   - first snapshot with owners, in a fresh process (bench/lib/cold-read.mjs) vs `ss -tanp`
//   - the one-shot `socket-inspector table --json`, whole process, wall and peak RSS, vs
//     `ss -tanp` (both under /usr/bin/time)
//   - the warm snapshot with owners vs the C sock_diag dump (bench/floor), back to back
//   - 1 Hz polling (the ConnTable, as the app polls) CPU vs the C dump run at 1 Hz
//   - `serve` with one subscriber to the table at 1 Hz: the server's RSS
// and first, with SMALL connections (~2,000 sockets), 1 Hz polling CPU vs `ss -tanp` once a
// second.
// Rotating order, medians. Loopback only; bounded; stops only the processes it started.
//   node --import tsx bench/table-targets.ts [--connections 10000] [--rounds 5] [--poll-seconds 20]
import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import WebSocket from 'ws'
import { NetlinkSource } from '../src/main/conntable/netlink-source'
import { platformSources } from '../src/main/conntable/platform-sources'
import { ConnTable } from '../src/main/conntable/table'
import { buildFloor, runFloor } from './lib/floor'
import { arg, holdConnections } from './lib/held-connections'
import { median, stop } from './lib/procs.mjs'

const root = join(__dirname, '..')
const cli = join(root, 'out/main/cli.js')
const TICKS_PER_SECOND = 100
const TOOL_TIMEOUT_MS = 120_000
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

function start(cmd: string, args: string[]): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stderr!.on('data', () => undefined)
  return child
}

/** A whole command under /usr/bin/time: wall ms and peak RSS (MiB); stdout discarded. */
function timed(cmd: string, args: string[]): Promise<{ ms: number; rssMiB: number }> {
  return new Promise((resolve, reject) =>
    execFile(
      '/usr/bin/time',
      ['-f', '%e %M', cmd, ...args],
      { maxBuffer: 1024 * 1024 * 1024, timeout: TOOL_TIMEOUT_MS },
      (err, _out, errText) => {
        if (err) return reject(err)
        const [secs, kib] = errText.trim().split('\n').pop()!.split(' ').map(Number)
        resolve({ ms: secs! * 1000, rssMiB: kib! / 1024 })
      }
    )
  )
}

/** Wall ms of a command run from here, as a user's shell runs it. */
function wall(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    execFile(cmd, args, { maxBuffer: 1024 * 1024 * 1024, timeout: TOOL_TIMEOUT_MS }, (err) =>
      err ? reject(err) : resolve(performance.now() - t0)
    )
  })
}

function coldRead(): Promise<{ ms: number; cpuMs: number; rows: number }> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [join(root, 'bench/lib/cold-read.mjs')],
      { cwd: root, timeout: TOOL_TIMEOUT_MS },
      (err, out) => (err ? reject(err) : resolve(JSON.parse(out)))
    )
  )
}

/** CPU seconds of the children this process has reaped (the ss runs). */
function reapedChildrenCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8')
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(f[13]) + Number(f[14])) / TICKS_PER_SECOND
}

const rotate = <T>(names: T[], round: number): T[] =>
  names.slice(round % names.length).concat(names.slice(0, round % names.length))

/** The app's 1 Hz poll for `seconds`: CPU share of a core (the first poll excluded). */
async function pollCpu(seconds: number): Promise<number> {
  const table = new ConnTable({ ...platformSources('linux'), emit: () => undefined })
  await table.poll()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  table.start()
  await pause(seconds * 1000)
  table.stop()
  const cpu = process.cpuUsage(cpu0)
  return (cpu.user + cpu.system) / 1000 / (performance.now() - t0)
}

/** `ss -tanp` once a second for `seconds`: its CPU share of a core. */
async function ssOnceASecondCpu(seconds: number): Promise<number> {
  const cpu0 = reapedChildrenCpu()
  const t0 = performance.now()
  for (let i = 0; i < seconds; i++) {
    const tick = pause(1000)
    await wall('ss', ['-tanp'])
    await tick
  }
  return (reapedChildrenCpu() - cpu0) / ((performance.now() - t0) / 1000)
}

interface ServeRss {
  readonly rssMiB: number
  readonly peakMiB: number
  readonly diffs: number
}

/** `serve` with one WebSocket subscriber to table:diff for `seconds`: the server's RSS. */
async function serveRss(seconds: number): Promise<ServeRss> {
  const server = start(process.execPath, [cli, 'serve', '--port', '0'])
  try {
    const at = await new Promise<{ port: string; token: string }>((resolve, reject) => {
      let out = ''
      server.stdout!.on('data', (c: Buffer) => {
        out += c.toString()
        const m = /Socket Inspector at http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(out)
        if (m) resolve({ port: m[1]!, token: m[2]! })
      })
      server.once('exit', () => reject(new Error(`serve exited: ${out}`)))
    })
    const ws = new WebSocket(`ws://127.0.0.1:${at.port}/ws?token=${at.token}`)
    let diffs = 0
    ws.on('message', (data: Buffer) => {
      if (data.toString().includes('"table:diff"')) diffs++
    })
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    ws.send(JSON.stringify({ t: 'sub', name: 'table:diff' }))
    ws.send(JSON.stringify({ t: 'call', id: 1, name: 'table:snapshot', args: [] }))
    await pause(seconds * 1000)
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8')
    const kib = (key: string): number => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)![1])
    ws.close()
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024, diffs }
  } finally {
    await stop(server)
  }
}

export interface TableRun {
  readonly connections: number
  readonly rounds: number
  readonly floorWhy: string | null
  readonly sockets: number
  readonly samples: Record<string, number[]>
  /** Medians, ms. */
  readonly ms: Record<string, number>
  readonly cliRssMiB: number
  readonly ssRssMiB: number
  readonly pollCpu: number
  readonly floorPollCpu: number | null
  readonly serve: ServeRss
  readonly smallSockets: number
  readonly smallPollCpu: number
  readonly smallSsCpu: number
}

export interface TableBenchOptions {
  readonly connections: number
  readonly small: number
  readonly rounds: number
  readonly pollSeconds: number
}

type Cases = Record<string, () => Promise<number>>

async function snapshotCases(
  floorBin: string | null,
  rss: Record<string, number[]>
): Promise<Cases> {
  const warm = new NetlinkSource()
  await warm.read()
  const underTime = (name: string, cmd: string, args: string[]) => async (): Promise<number> => {
    const r = await timed(cmd, args)
    ;(rss[name] ??= []).push(r.rssMiB)
    return r.ms
  }
  const cases: Cases = {
    'first snapshot (fresh process)': async () => (await coldRead()).ms,
    'ss -tanp': () => wall('ss', ['-tanp']),
    'table --json (whole process)': underTime('cli', process.execPath, [cli, 'table', '--json']),
    'ss -tanp (whole process)': underTime('ss', 'ss', ['-tanp']),
    'warm snapshot': async () => {
      const xs: number[] = []
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now()
        await warm.read()
        xs.push(performance.now() - t0)
      }
      return median(xs)
    }
  }
  if (floorBin) cases['C sock_diag dump'] = async () => median((await runFloor(floorBin, 3)).ms)
  return cases
}

export async function measureTable(o: TableBenchOptions): Promise<TableRun> {
  const floor = buildFloor()
  // The small table first: the large one's 20,000 sockets take a while to leave the kernel.
  let held = await holdConnections(o.small)
  const smallSockets = (await new NetlinkSource().read()).rows.length
  const smallPollCpu = await pollCpu(o.pollSeconds)
  const smallSsCpu = await ssOnceASecondCpu(o.pollSeconds)
  await held.stop()
  held = await holdConnections(o.connections)
  try {
    const sockets = (await new NetlinkSource().read()).rows.length
    console.log(`${o.connections} connections held; ${sockets} sockets`)
    const rss: Record<string, number[]> = {}
    const cases = await snapshotCases(floor.binary, rss)
    const names = Object.keys(cases)
    const samples = Object.fromEntries(names.map((n) => [n, [] as number[]]))
    for (let round = 0; round < o.rounds; round++) {
      for (const n of rotate(names, round)) samples[n]!.push(await cases[n]!())
    }
    const pollCpuShare = await pollCpu(o.pollSeconds)
    const floorPoll = floor.binary ? await runFloor(floor.binary, o.pollSeconds, 1000) : null
    const serve = await serveRss(o.pollSeconds)
    return {
      connections: o.connections,
      rounds: o.rounds,
      floorWhy: floor.why,
      sockets,
      samples,
      ms: Object.fromEntries(names.map((n) => [n, median(samples[n]!)])),
      cliRssMiB: median(rss['cli']!),
      ssRssMiB: median(rss['ss']!),
      pollCpu: pollCpuShare,
      floorPollCpu: floorPoll ? floorPoll.cpuSeconds / o.pollSeconds : null,
      serve,
      smallSockets,
      smallPollCpu,
      smallSsCpu
    }
  } finally {
    await held.stop()
  }
}

export function printTable(r: TableRun): void {
  const ms = r.ms
  const line = (name: string, value: string, unit: string, ratios: string): void =>
    console.log(`  ${name.padEnd(34)} ${value.padStart(9)} ${unit.padEnd(4)} ${ratios}`)
  const floor = ms['C sock_diag dump']
  console.log(`The table at ${r.sockets} sockets, medians of ${r.rounds}:`)
  if (r.floorWhy) console.log(`  (${r.floorWhy})`)
  for (const [n, v] of Object.entries(ms)) {
    const vsFloor = floor ? `  ${(v / floor).toFixed(2)}× C dump` : ''
    line(n, v.toFixed(1), 'ms', `${(v / ms['ss -tanp']!).toFixed(2)}× ss -tanp${vsFloor}`)
  }
  line(
    'table --json peak RSS',
    r.cliRssMiB.toFixed(1),
    'MiB',
    `(ss -tanp ${r.ssRssMiB.toFixed(1)} MiB)`
  )
  const fp = r.floorPollCpu
  const vsFloor = fp
    ? `${(r.pollCpu / fp).toFixed(2)}× the C dump at 1 Hz (${(fp * 100).toFixed(2)}%)`
    : ''
  line('1 Hz polling CPU', (r.pollCpu * 100).toFixed(2), '%', vsFloor)
  const s = r.serve
  line(
    'serve, 1 subscriber, RSS',
    s.rssMiB.toFixed(1),
    'MiB',
    `(peak ${s.peakMiB.toFixed(1)} MiB, ${s.diffs} diffs)`
  )
  line(
    `1 Hz polling at ${r.smallSockets} sockets`,
    (r.smallPollCpu * 100).toFixed(2),
    '%',
    `${(r.smallPollCpu / r.smallSsCpu).toFixed(2)}× ss -tanp once a second (${(r.smallSsCpu * 100).toFixed(2)}%)`
  )
}

if (require.main === module) {
  void measureTable({
    connections: arg('--connections', 10_000),
    small: arg('--small', 1_000),
    rounds: arg('--rounds', 5),
    pollSeconds: arg('--poll-seconds', 20)
  }).then((r) => {
    printTable(r)
    console.log(JSON.stringify(r))
  })
}
