// `npm run bench`: every row of issue 14's table measured in one run against its peer, then
// one summary with each ratio, its target and whether it is met. Each part runs as its own
// process (as its script does alone) and hands back its figures as a last JSON line:
//   bench/cli-start.mjs      CLI start vs `node -e 0`
//   bench/table-targets.ts   the table at ~20k sockets vs ss -tanp and the C sock_diag floor,
//                            1 Hz polling, serve's RSS, 1 Hz polling at ~2k sockets
//   bench/echo-throughput.mjs TCP (1 and 50 connections) and UDP echo vs bare Node echoes
//                            (1 GiB a run, medians of 3)
// The load average is printed at the start and the end: on a shared machine the ratios
// within one run are what count.
//   npm run bench [-- --quick]
import { execFileSync, spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import { join } from 'node:path'

const root = join(__dirname, '..')
const quick = process.argv.includes('--quick')

interface Row {
  readonly measure: string
  readonly result: string
  readonly ratio: number
  readonly target: string
  readonly met: boolean
}

/** Runs one part with its output shown; resolves with its last line, parsed. */
function part(args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (c: Buffer) => {
      const text = c.toString()
      out += text
      // Show the part's own report, not its JSON line.
      process.stdout.write(text.replace(/^\{.*\}\n?/gm, ''))
    })
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? ''
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}`))
      else resolve(JSON.parse(last) as Record<string, unknown>)
    })
  })
}

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

function rows(start: Json, table: Json, echo: Json): Row[] {
  const ms = table.ms as Record<string, number>
  const floor = ms['C sock_diag dump']
  const row = (
    measure: string,
    result: string,
    ratio: number,
    target: string,
    max: number
  ): Row => ({
    measure,
    result,
    ratio,
    target,
    met: target.startsWith('≥') ? ratio >= max : ratio <= max
  })
  const out: Row[] = [
    row(
      'first snapshot with owners (fresh process)',
      `${ms['first snapshot (fresh process)']!.toFixed(0)} ms vs ${ms['ss -tanp']!.toFixed(0)} ms`,
      ms['first snapshot (fresh process)']! / ms['ss -tanp']!,
      '≤ 1.0× ss -tanp',
      1.0
    ),
    row(
      'one-shot table --json, whole process, wall',
      `${ms['table --json (whole process)']!.toFixed(0)} ms vs ${ms['ss -tanp (whole process)']!.toFixed(0)} ms`,
      ms['table --json (whole process)']! / ms['ss -tanp (whole process)']!,
      '≤ 1.0× ss -tanp',
      1.0
    ),
    row(
      'one-shot table --json, peak RSS (MiB ÷ 100)',
      `${table.cliRssMiB.toFixed(1)} MiB (ss ${table.ssRssMiB.toFixed(1)})`,
      table.cliRssMiB / 100,
      '≤ 100 MiB',
      1.0
    )
  ]
  if (floor) {
    out.push(
      row(
        'warm snapshot with owners',
        `${ms['warm snapshot']!.toFixed(1)} ms vs ${floor.toFixed(1)} ms`,
        ms['warm snapshot']! / floor,
        '≤ 1.3× C dump',
        1.3
      ),
      row(
        '1 Hz polling CPU',
        `${(table.pollCpu * 100).toFixed(2)}% vs ${(table.floorPollCpu * 100).toFixed(2)}%`,
        table.pollCpu / table.floorPollCpu,
        '≤ 2× C dump at 1 Hz',
        2
      )
    )
  }
  out.push(
    row(
      `1 Hz polling, ${table.smallSockets} sockets`,
      `${(table.smallPollCpu * 100).toFixed(2)}% vs ${(table.smallSsCpu * 100).toFixed(2)}%`,
      table.smallPollCpu / table.smallSsCpu,
      '≤ 0.3× ss -tanp 1/s',
      0.3
    ),
    row(
      'CLI start (--version)',
      `${start.medians['socket-inspector --version'].toFixed(0)} ms vs ${start.medians['node -e 0'].toFixed(0)} ms`,
      start.ratio,
      '≤ 1.3× node -e 0',
      1.3
    )
  )
  for (const conns of ['1', '50']) {
    const t = echo.tcp[conns]
    for (const who of ['ours', 'core host']) {
      out.push(
        row(
          `TCP echo, ${conns} conn., ${who === 'ours' ? 'CLI' : 'core host'}`,
          `${t[who].mibps.toFixed(0)} vs ${t['bare pipe'].mibps.toFixed(0)} MiB/s; CPU eff. ${(t['bare pipe'].cpuPerGiB / t[who].cpuPerGiB).toFixed(2)}×`,
          t[who].mibps / t['bare pipe'].mibps,
          '≥ 0.95× bare pipe',
          0.95
        )
      )
    }
  }
  const u = echo.udp
  out.push(
    row(
      'UDP echo, 64 B, CLI',
      `${u.ours.pps.toFixed(0)} vs ${u['bare dgram'].pps.toFixed(0)} pps; CPU eff. ${(u['bare dgram'].cpuPer100k / u.ours.cpuPer100k).toFixed(2)}×`,
      u.ours.pps / u['bare dgram'].pps,
      '≥ 0.90× bare dgram',
      0.9
    ),
    row(
      'serve, 20k sockets, 1 Hz, 1 subscriber',
      `RSS ${table.serve.rssMiB.toFixed(0)} MiB (peak ${table.serve.peakMiB.toFixed(0)})`,
      table.serve.peakMiB / 200,
      '≤ 200 MiB',
      1.0
    )
  )
  return out
}

async function main(): Promise<void> {
  const loadStart = load()
  console.log(`load average at the start: ${loadStart}`)
  execFileSync(process.execPath, [join(root, 'node_modules/.bin/electron-vite'), 'build'], {
    cwd: root,
    stdio: 'ignore'
  })
  const start = await part(['bench/cli-start.mjs', '--runs', quick ? '10' : '30'])
  const tableArgs = quick
    ? ['--connections', '3000', '--small', '1000', '--rounds', '2', '--poll-seconds', '5']
    : ['--connections', '10000', '--small', '1000', '--rounds', '5', '--poll-seconds', '20']
  const table = await part(['--import', 'tsx', 'bench/table-targets.ts', ...tableArgs])
  const echo = await part([
    'bench/echo-throughput.mjs',
    ...(quick ? ['--quick'] : ['--gib', '1', '--rounds', '3'])
  ])
  const loadEnd = load()
  console.log(
    `\nIssue 14, one run (load average ${loadStart} at the start, ${loadEnd} at the end):`
  )
  for (const r of rows(start, table, echo)) {
    console.log(
      `  ${r.measure.padEnd(44)} ${r.result.padEnd(44)} ${r.ratio.toFixed(2).padStart(5)}×  ${r.target.padEnd(20)} ${r.met ? 'met' : 'SHORT'}`
    )
  }
}

void main()
