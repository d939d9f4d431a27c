// The 20,000-socket table (10,000 loopback connections held by two helper processes),
// polled back to back, with and without the insight features switched on: per poll, the
// alert engine (four rules) and the closed-socket history in the table, then the process
// tree (grouping with /proc details and rates), a service name for both ends of every row,
// Unix pairs, and reverse lookups asked for every remote address (answered from the cache:
// all are 127.0.0.1, named by /etc/hosts). CPU time of this process per poll, medians of
// rounds in alternating order. The tree is the app's: kept from each diff (process-index.ts)
// and answered per poll, as for an open Processes view.
//   npm run bench:insight [-- --connections 10000 --rounds 6 --polls 10]
import { Alerts } from '../src/main/alerts/alerts'
import { ClosedHistory } from '../src/main/conntable/closed-history'
import { platformSources } from '../src/main/conntable/platform-sources'
import { ConnTable } from '../src/main/conntable/table'
import { ReverseDns } from '../src/main/names/reverse-dns'
import { loadServices } from '../src/main/names/services-file'
import { ProcessDirectory } from '../src/main/processes/process-info'
import { ProcessIndex } from '../src/main/processes/process-index'
import { indexedTree } from '../src/main/processes/process-tree'
import type { TableRow } from '../src/shared/model'
import { unixPairs } from '../src/shared/unix-pairs'
import { arg, holdConnections } from './lib/held-connections'
import { median } from './lib/procs.mjs'

const CONNECTIONS = arg('--connections', 10_000)
const ROUNDS = arg('--rounds', 6)
// The owner cache rescans /proc every 10th poll: a round of 10 holds one such scan.
const POLLS = arg('--polls', 10)

type Mode = () => Promise<void>

async function plainMode(): Promise<Mode> {
  const table = new ConnTable({ ...platformSources('linux'), emit: () => undefined })
  await table.poll()
  return async () => {
    await table.poll()
  }
}

async function insightMode(): Promise<Mode> {
  const { names } = await loadServices()
  const alerts = new Alerts(
    () => undefined,
    () => names
  )
  alerts.setRules(
    ['listen', 'freed port:5432', 'stuck close-wait 30', 'count 100000 proc:node'].map(
      (text, i) => ({
        id: `r${i}`,
        text,
        enabled: true
      })
    )
  )
  const history = new ClosedHistory()
  history.setEnabled(true)
  // The rows as a face keeps them: the snapshot once, then each diff applied.
  const rows = new Map<string, TableRow>()
  const index = new ProcessIndex()
  let alertMs = 0
  const table = new ConnTable({
    ...platformSources('linux'),
    emit: (d) => {
      const a0 = performance.now()
      alerts.apply(d)
      alertMs = performance.now() - a0
      index.apply(d)
      for (const r of [...d.added, ...d.changed]) rows.set(r.id, r)
      for (const id of d.removed) rows.delete(id)
    },
    history
  })
  const directory = new ProcessDirectory()
  const rates = { lastAt: null }
  const dns = new ReverseDns()
  dns.setEnabled(true)
  let sink = 0
  const step = async (): Promise<void> => {
    await table.poll()
    const all = [...rows.values()]
    const t0 = performance.now()
    const tree = await indexedTree(index, directory, rates)
    const t1 = performance.now()
    const remotes = new Set<string>()
    for (const r of all) {
      sink += (names.name(r.localPort, r.protocol) ?? '').length
      sink += (names.name(r.remotePort, r.protocol) ?? '').length
      if (r.remoteAddress) remotes.add(r.remoteAddress)
    }
    const t2 = performance.now()
    sink += Object.keys(dns.names([...remotes])).length + tree.length + unixPairs(all).length
    if (process.env.BENCH_PARTS)
      console.log(
        `tree ${(t1 - t0).toFixed(1)} ms, names ${(t2 - t1).toFixed(1)} ms, pairs+dns ${(performance.now() - t2).toFixed(1)} ms, alerts ${alertMs.toFixed(1)} ms`
      )
  }
  await step()
  await step()
  if (sink < 0) console.log(sink)
  return step
}

async function cpuPerPoll(mode: Mode): Promise<number> {
  const before = process.cpuUsage()
  for (let i = 0; i < POLLS; i++) await mode()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000 / POLLS
}

async function main(): Promise<void> {
  const held = await holdConnections(CONNECTIONS)
  try {
    const modes: Record<string, Mode> = {
      'table only': await plainMode(),
      'names + grouping + alerts + history': await insightMode()
    }
    const names = Object.keys(modes)
    const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]))
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? names : [...names].reverse()
      for (const n of order) samples[n]!.push(await cpuPerPoll(modes[n]!))
    }
    const med = Object.fromEntries(names.map((n) => [n, median(samples[n]!)]))
    const base = med['table only']!
    console.log(
      `CPU per poll, ~${CONNECTIONS * 2} sockets, median of ${ROUNDS} rounds × ${POLLS} polls:`
    )
    for (const n of names)
      console.log(
        `  ${n.padEnd(40)} ${med[n]!.toFixed(1).padStart(8)} ms  ${(med[n]! / base).toFixed(3)}×`
      )
    console.log(
      JSON.stringify({
        connections: CONNECTIONS,
        rounds: ROUNDS,
        polls: POLLS,
        medians: med,
        samples
      })
    )
  } finally {
    await held.stop()
  }
}

void main()
