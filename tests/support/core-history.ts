// Histories as the core really makes them: /proc/net/tcp lines (the kernel's format)
// through the procfs parser and the live table, poll by poll, with the kernel's state
// numbers changing between polls as a socket lives and dies. For the views that draw a
// socket's life (the timeline, the state diagram), so they are tested on the core's output.
import { procInetRows } from '../../src/main/conntable/parse-procfs'
import { ConnTable } from '../../src/main/conntable/table'
import type { TableRow } from '../../src/shared/model'

const HEADER =
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode'
/** One socket as /proc/net/tcp prints it; TIME_WAIT sockets have inode 0, as in the kernel. */
const line = (st: string, remote = '0100007F:B650', inode = 246512): string =>
  `   0: 0100007F:B7FD ${remote} ${st} 00000000:00000000 00:00000000 00000000     0        0 ${st === '06' ? 0 : inode} 1 000000000b98f5a6 100 0 0 10 0`

/** Polls the real table once per state list entry (null = the socket is gone), 1 s apart. */
export async function lifeOf(
  steps: readonly (string | null)[],
  protocol: 'tcp' | 'udp' = 'tcp'
): Promise<{ row: TableRow; now: number }> {
  let clock = 1_000_000
  let current: string | null = null
  const table = new ConnTable({
    sources: [
      {
        id: 'procfs',
        make: () => ({
          id: 'procfs',
          read: async () => ({
            rows: current === null ? [] : procInetRows(`${HEADER}\n${current}\n`, protocol, 'ipv4'),
            blind: []
          })
        }),
        detect: async () => ({ id: 'procfs', available: true, detail: 'lines of /proc/net/tcp' })
      }
    ],
    defaultSource: 'procfs',
    emit: () => undefined,
    now: () => clock
  })
  let last: TableRow | undefined
  for (const st of steps) {
    current =
      st === null ? null : line(st, st === '0A' || st === '07' ? '00000000:0000' : undefined)
    await table.poll()
    last = (await table.snapshot()).rows[0] ?? last
    clock += 1000
  }
  return { row: last!, now: clock }
}
