// One first snapshot in a fresh process, with the built code (out/main, as the CLI and the
// app run it: nothing compiled on the fly, its own JIT, nothing cached): prints the read's
// wall and CPU ms and the rows it saw, as JSON.
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const chunks = join(dirname(fileURLToPath(import.meta.url)), '../../out/main/chunks')
const file = readdirSync(chunks).find((f) => f.startsWith('netlink-source-'))
if (!file) throw new Error('build first: no netlink-source chunk in out/main/chunks')
const { NetlinkSource } = require(join(chunks, file))

async function main() {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const { rows } = await new NetlinkSource().read()
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rows: rows.length }))
}

void main()
