// How long a TCP socket stays in TIME_WAIT, per OS: an estimate for when the kernel's own
// timer cannot be read. Linux: TCP_TIMEWAIT_LEN (60 s); macOS: 2 × MSL (MSL is 15 s); Windows:
// TcpTimedWaitDelay's default (120 s on current versions).
import type { TableRow } from './model'

export const TIME_WAIT_MS: Readonly<Record<string, number>> = {
  linux: 60_000,
  darwin: 30_000,
  win32: 120_000
}

/** "left by node (pid 812), closed 14 s ago", or null for a row that still has its owner. */
export function describeLeftBy(row: TableRow, now: number): string | null {
  if (!row.leftBy || row.owners.length > 0) return null
  const o = row.leftBy.owners[0]
  if (!o) return null
  const secs = Math.max(0, Math.round((now - row.leftBy.at) / 1000))
  return `left by ${o.process ?? 'a process'} (pid ${o.pid}), closed ${secs} s ago`
}
