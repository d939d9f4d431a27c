// Echo throughput, side by side in one run: our echo server (the built CLI, traffic log on)
// vs a bare Node socket.pipe(socket) vs socat fork EXEC:cat; UDP vs a bare dgram echo.
// "ours" is the CLI as users run it: it re-executes itself (same pid) under CORE_V8_FLAGS
// (src/main/headless/core-flags.ts). "ours, no re-exec" is the same CLI with V8's defaults,
// to show what the flags are worth; "core host" is the core in a plain Node process started
// with the flags, as the app's core host forks it (bench/lib/core-echo.ts). Each server is
// measured by wall throughput and by its own CPU time per GiB (from /proc), which is far
// steadier on a shared machine.
// Several rounds in rotating order, medians. Loopback only; every run is bounded.
//   node bench/echo-throughput.mjs [--rounds 5] [--gib 2] [--quick] [--only tcp|udp]
import { execFileSync, spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cpuSeconds } from './lib/cpu.mjs'
import { machine, median, start, stop, waitForPort } from './lib/procs.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const quick = process.argv.includes('--quick')
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1]
  : null
const ROUNDS = arg('--rounds', quick ? 1 : 5)
const TOTAL = Math.round(arg('--gib', quick ? 0.25 : 2) * 2 ** 30)
const WRITE = 64 * 1024
const UDP_COUNT = quick ? 20_000 : 200_000
const UDP_SIZE = 64
const UDP_WINDOW = 64
/** Below the ephemeral range (32768–60999 on Linux), so no load socket can hold it. */
const BASE_PORT = 21_300
/** A UDP server cannot be probed without sending it traffic; the core host starts slowest. */
const UDP_START_MS = 1500
/** socat reaps its per-connection children a moment after they exit. */
const REAP_MS = 300

const cli = join(root, 'out/main/cli.js')
// The flags the app forks its core host with, read from their one definition.
const CORE_FLAGS = JSON.parse(
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      "import('./src/main/headless/core-flags.ts').then((m) => console.log(JSON.stringify(m.CORE_V8_FLAGS)))"
    ],
    { cwd: root, encoding: 'utf8' }
  )
)
const NO_REEXEC = { env: { ...process.env, SOCKET_INSPECTOR_NO_REEXEC: '1' } }
const coreHost = (protocol, port) =>
  start(
    process.execPath,
    [
      ...CORE_FLAGS,
      '--import',
      'tsx',
      join(root, 'bench/lib/core-echo.ts'),
      protocol,
      String(port)
    ],
    { cwd: root }
  )
const PIPE = (port) =>
  `require('net').createServer({noDelay:true},(s)=>{s.on('error',()=>{});s.pipe(s)}).listen(${port},'127.0.0.1')`
const DGRAM = (port) =>
  `const s=require('dgram').createSocket('udp4');s.on('message',(m,r)=>s.send(m,r.port,r.address));s.bind(${port},'127.0.0.1')`
const tcpServers = {
  ours: (port) => start(process.execPath, [cli, 'echo', '--tcp', String(port)]),
  'ours, no re-exec': (port) =>
    start(process.execPath, [cli, 'echo', '--tcp', String(port)], NO_REEXEC),
  'core host': (port) => coreHost('tcp', port),
  'bare pipe': (port) => start(process.execPath, ['-e', PIPE(port)]),
  socat: (port) =>
    start('socat', [`TCP-LISTEN:${port},fork,backlog=128,reuseaddr,bind=127.0.0.1`, 'EXEC:cat'])
}
const udpServers = {
  ours: (port) => start(process.execPath, [cli, 'echo', '--udp', String(port)]),
  'core host': (port) => coreHost('udp', port),
  'bare dgram': (port) => start(process.execPath, ['-e', DGRAM(port)])
}

function runLoad(script, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bench/lib', script), ...args.map(String)], {
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    child.stdout.on('data', (c) => (out += c))
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${script} exited ${code}`))
    )
  })
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms))

async function measured(server, ready, load) {
  try {
    await ready()
    const cpu0 = cpuSeconds(server.pid)
    const result = await load()
    await pause(REAP_MS)
    return { ...result, cpu: cpuSeconds(server.pid) - cpu0 }
  } finally {
    await stop(server)
  }
}

const tcpRound = (name, connections, port) =>
  measured(
    tcpServers[name](port),
    () => waitForPort(port),
    async () => {
      const r = await runLoad('tcp-load.mjs', [port, connections, TOTAL, WRITE])
      if (!r.verified) throw new Error(`${name}: not every byte came back`)
      return r
    }
  ).then((r) => ({ mibps: r.bytes / r.seconds / 2 ** 20, cpuPerGiB: r.cpu / (r.bytes / 2 ** 30) }))

const udpRound = (name, port) =>
  measured(
    udpServers[name](port),
    () => pause(UDP_START_MS),
    () => runLoad('udp-load.mjs', [port, UDP_COUNT, UDP_SIZE, UDP_WINDOW])
  ).then((r) => ({ pps: r.pps, lost: r.lost, cpuPer100k: r.cpu / (r.got / 1e5) }))

const rotate = (names, round) =>
  names.slice(round % names.length).concat(names.slice(0, round % names.length))
const summarize = (samples, keys) =>
  Object.fromEntries(
    Object.entries(samples).map(([n, xs]) => [
      n,
      Object.fromEntries(
        keys.map((k) => [k, median(xs.map((x) => x[k]))]).concat([['samples', xs]])
      )
    ])
  )

execFileSync(process.execPath, [join(root, 'node_modules/.bin/electron-vite'), 'build'], {
  cwd: root,
  stdio: 'ignore'
})
const results = {
  machine: await machine(),
  rounds: ROUNDS,
  totalBytes: TOTAL,
  writeSize: WRITE,
  tcp: {},
  udp: {}
}
let port = BASE_PORT
for (const connections of only === 'udp' ? [] : [1, 50]) {
  const samples = Object.fromEntries(Object.keys(tcpServers).map((n) => [n, []]))
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of rotate(Object.keys(tcpServers), round))
      samples[name].push(await tcpRound(name, connections, port++))
  }
  const t = (results.tcp[connections] = summarize(samples, ['mibps', 'cpuPerGiB']))
  console.log(
    `TCP, ${connections} connection(s), 64 KiB writes, ${(TOTAL / 2 ** 30).toFixed(2)} GiB a run:`
  )
  for (const [n, v] of Object.entries(t)) {
    console.log(
      `  ${n.padEnd(18)} ${v.mibps.toFixed(0).padStart(5)} MiB/s (${(v.mibps / t['bare pipe'].mibps).toFixed(2)}× pipe, ${(v.mibps / t.socat.mibps).toFixed(2)}× socat)  ` +
        `server CPU ${v.cpuPerGiB.toFixed(3)} s/GiB (${(t['bare pipe'].cpuPerGiB / v.cpuPerGiB).toFixed(2)}× pipe's efficiency)`
    )
  }
}
if (only !== 'tcp') {
  const udpSamples = Object.fromEntries(Object.keys(udpServers).map((n) => [n, []]))
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of rotate(Object.keys(udpServers), round))
      udpSamples[name].push(await udpRound(name, port++))
  }
  const u = (results.udp = summarize(udpSamples, ['pps', 'cpuPer100k']))
  console.log(`UDP, ${UDP_SIZE}-byte datagrams, ${UDP_WINDOW} in flight, ${UDP_COUNT} a run:`)
  for (const [n, v] of Object.entries(u)) {
    const lost = v.samples.reduce((a, x) => a + x.lost, 0)
    console.log(
      `  ${n.padEnd(18)} ${v.pps.toFixed(0).padStart(7)} pps (${(v.pps / u['bare dgram'].pps).toFixed(2)}× bare)  ` +
        `server CPU ${v.cpuPer100k.toFixed(3)} s per 100k (${(u['bare dgram'].cpuPer100k / v.cpuPer100k).toFixed(2)}× bare's efficiency), lost ${lost}`
    )
  }
}
console.log(JSON.stringify(results))
