// One first snapshot in a fresh process (its own JIT, nothing cached), as the app's or the
// CLI's first poll is: prints the read's wall and CPU ms and the rows it saw, as JSON.
import { NetlinkSource } from '../../src/main/conntable/netlink-source'

async function main(): Promise<void> {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const { rows } = await new NetlinkSource().read()
  const ms = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rows: rows.length }))
}

void main()
