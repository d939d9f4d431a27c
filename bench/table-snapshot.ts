// The connection table with ~20,000 sockets: 10,000 loopback TCP connections whose two ends
// are held by two helper processes. In one run, several rounds in rotating order, medians:
// our snapshot with owners (netlink, procfs; cold = first poll, warm = steady polling) vs
// `ss -tanp`, `netstat -tanp`, `lsof -nP -i` and systeminformation's networkConnections();
// our netlink snapshot (which carries TCP_INFO bytes) vs `ss -tanpi`. Then 1 Hz polling for
// a while: CPU share, the event loop's p99 delay, and the size of a diff when nothing changed.
//   npm run bench:table [-- --connections 10000 --rounds 5]
import { execFile } from 'node:child_process'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import si from 'systeminformation'
import { NetlinkSource } from '../src/main/conntable/netlink-source'
import { ProcfsSource } from '../src/main/conntable/procfs-source'
import { platformSources } from '../src/main/conntable/platform-sources'
import { ConnTable } from '../src/main/conntable/table'
import type { TableDiff } from '../src/shared/model'
import { arg, holdConnections } from './lib/held-connections'
import { median } from './lib/procs.mjs'

const CONNECTIONS = arg('--connections', 10_000)
const ROUNDS = arg('--rounds', 5)
const POLL_SECONDS = arg('--poll-seconds', 20)
const TOOL_TIMEOUT_MS = 120_000

function timeTool(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    execFile(
      cmd,
      args,
      { maxBuffer: 512 * 1024 * 1024, timeout: TOOL_TIMEOUT_MS },
      (err, stdout) => {
        if (err && !stdout) reject(err)
        else resolve(performance.now() - t0)
      }
    )
  })
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

async function main(): Promise<void> {
  const held = await holdConnections(CONNECTIONS)
  try {
    const sockets = (await new NetlinkSource().read()).rows.length
    console.log(`${CONNECTIONS} connections held; the table has ${sockets} sockets`)

    const cases: Record<string, () => Promise<number>> = {
      'ours, netlink, cold': () => timeAsync(() => new NetlinkSource().read()),
      'ours, procfs, cold': () => timeAsync(() => new ProcfsSource().read()),
      'ss -tanp': () => timeTool('ss', ['-tanp']),
      'ss -tanpi': () => timeTool('ss', ['-tanpi']),
      'netstat -tanp': () => timeTool('netstat', ['-tanp']),
      'lsof -nP -i': () => timeTool('lsof', ['-nP', '-i']),
      'systeminformation networkConnections()': () => timeAsync(() => si.networkConnections())
    }
    // Warm: the same source object polled again, as the app polls.
    const warmNetlink = new NetlinkSource()
    const warmProcfs = new ProcfsSource()
    await warmNetlink.read()
    await warmProcfs.read()
    cases['ours, netlink, warm'] = () => timeAsync(() => warmNetlink.read())
    cases['ours, procfs, warm'] = () => timeAsync(() => warmProcfs.read())

    const samples: Record<string, number[]> = Object.fromEntries(
      Object.keys(cases).map((k) => [k, []])
    )
    const names = Object.keys(cases)
    for (let round = 0; round < ROUNDS; round++) {
      const order = names.slice(round % names.length).concat(names.slice(0, round % names.length))
      for (const name of order) samples[name]!.push(await cases[name]!())
    }
    const med = Object.fromEntries(names.map((n) => [n, median(samples[n]!)]))
    const ss = med['ss -tanp']!
    const ssi = med['ss -tanpi']!
    console.log(
      `snapshot of ~${sockets} sockets with owners, median of ${ROUNDS} (ms; × ss -tanp, × ss -tanpi):`
    )
    for (const n of names) {
      console.log(
        `  ${n.padEnd(40)} ${med[n]!.toFixed(1).padStart(8)}  ${(med[n]! / ss).toFixed(2).padStart(6)}×  ${(med[n]! / ssi).toFixed(2).padStart(6)}×`
      )
    }

    // 1 Hz polling, as the app does while the table is open.
    const sources = platformSources('linux')
    const diffs: TableDiff[] = []
    const table = new ConnTable({ ...sources, emit: (d) => diffs.push(d) })
    await table.poll()
    const loop = monitorEventLoopDelay({ resolution: 1 })
    loop.enable()
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    table.start()
    await new Promise((r) => setTimeout(r, POLL_SECONDS * 1000))
    table.stop()
    const cpu = process.cpuUsage(cpu0)
    const wall = performance.now() - t0
    loop.disable()
    const steady = diffs.slice(2)
    const sizes = steady.map((d) => Buffer.byteLength(JSON.stringify(d)))
    const quiet = steady.filter((d) => d.added.length + d.changed.length + d.removed.length === 0)
    const result = {
      cpuShare: (cpu.user + cpu.system) / 1000 / wall,
      loopP99Ms: loop.percentile(99) / 1e6,
      loopMaxMs: loop.max / 1e6,
      polls: steady.length,
      quietPolls: quiet.length,
      maxDiffBytes: Math.max(...sizes),
      quietDiffBytes: quiet.length
        ? Math.max(...quiet.map((d) => Buffer.byteLength(JSON.stringify(d))))
        : null,
      pollMs: table.status().pollMs
    }
    console.log(
      `1 Hz polling for ${POLL_SECONDS} s (${table.status().source}): CPU ${(result.cpuShare * 100).toFixed(1)}% of a core, ` +
        `event loop p99 ${result.loopP99Ms.toFixed(1)} ms (max ${result.loopMaxMs.toFixed(1)}), ` +
        `${result.quietPolls}/${result.polls} polls changed nothing; largest diff ${result.maxDiffBytes} B, quiet diff ${result.quietDiffBytes} B`
    )
    console.log(
      JSON.stringify({
        connections: CONNECTIONS,
        sockets,
        rounds: ROUNDS,
        medians: med,
        samples,
        polling: result
      })
    )
  } finally {
    await held.stop()
  }
}

void main()
