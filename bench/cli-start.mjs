// CLI start: `socket-inspector --version` (the built CLI) vs a bare `node -e 0`, both as
// whole processes, alternating, medians of many runs (issue 14: ≤ 1.3×).
//   node bench/cli-start.mjs [--runs 30]
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { median } from './lib/procs.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const i = process.argv.indexOf('--runs')
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 30

const cases = {
  'socket-inspector --version': [join(root, 'out/main/cli.js'), '--version'],
  'socket-inspector table --help': [join(root, 'out/main/cli.js'), 'table', '--help'],
  'node -e 0': ['-e', '0']
}

function once(args) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, args, { stdio: 'ignore', timeout: 30_000 })
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`)
  return Number(process.hrtime.bigint() - t0) / 1e6
}

export function measureStart(runs = RUNS) {
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]))
  for (let r = 0; r < runs; r++)
    for (const [k, args] of Object.entries(cases)) samples[k].push(once(args))
  const med = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]))
  return { runs, medians: med, ratio: med['socket-inspector --version'] / med['node -e 0'] }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = measureStart()
  for (const [k, v] of Object.entries(r.medians))
    console.log(
      `  ${k.padEnd(32)} ${v.toFixed(1).padStart(7)} ms  ${(v / r.medians['node -e 0']).toFixed(2)}× node -e 0`
    )
  console.log(JSON.stringify(r))
}
