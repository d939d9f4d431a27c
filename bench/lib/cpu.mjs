// CPU time a process (and its reaped children) has used, from /proc (Linux): a steadier
// measure than wall time on a shared machine, where throughput swings by a third.
import { readFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100

export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name, which is in parentheses and may contain spaces.
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const [utime, stime, cutime, cstime] = [f[11], f[12], f[13], f[14]].map(Number)
  return (utime + stime + cutime + cstime) / TICKS_PER_SECOND
}
