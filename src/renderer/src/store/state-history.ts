// How many sockets were in each state, once a second, over the last five minutes: the
// Overview's stacked area. States are grouped the way people read a socket's life:
// listening, opening, established, closing, TIME_WAIT, and the connectionless.
import type { SocketRow, TableRow } from '../../../shared/model'
import { VANISHED_STATE } from '../../../shared/model'

export const STATE_GROUPS = [
  'LISTEN',
  'SYN',
  'ESTABLISHED',
  'CLOSING',
  'TIME_WAIT',
  'UNCONNECTED'
] as const
export type StateGroup = (typeof STATE_GROUPS)[number]

export type StateSample = { readonly t: number } & Readonly<Record<StateGroup, number>>

/** Samples kept: one a second for five minutes. */
export const STATE_SAMPLES = 300

export function stateGroup(r: Pick<SocketRow, 'state'>): StateGroup {
  switch (r.state) {
    case 'LISTEN':
      return 'LISTEN'
    case 'SYN_SENT':
    case 'SYN_RECV':
      return 'SYN'
    case 'ESTABLISHED':
      return 'ESTABLISHED'
    case 'FIN_WAIT1':
    case 'FIN_WAIT2':
    case 'CLOSE_WAIT':
    case 'LAST_ACK':
    case 'CLOSING':
    case 'CLOSE':
    case VANISHED_STATE: // gone from the OS, in its grace period
      return 'CLOSING'
    case 'TIME_WAIT':
      return 'TIME_WAIT'
    default:
      return 'UNCONNECTED' // UNCONN, BOUND, or a stateless Unix socket
  }
}

/**
 * Whether a row the table has just met is a socket just made. One first seen on its way
 * out (TIME_WAIT, closing, gone) was made before anyone looked: it is not "new".
 */
export function justMade(r: Pick<TableRow, 'state' | 'closingSince'>): boolean {
  const group = stateGroup(r)
  return r.closingSince === null && group !== 'TIME_WAIT' && group !== 'CLOSING'
}

export class StateHistory {
  private samples: StateSample[] = []

  /** The second of the last sample. */
  get lastSecond(): number | null {
    return this.samples.at(-1)?.t ?? null
  }

  /** Counts the rows under `atMs`'s second; a second already sampled is replaced. */
  sample(atMs: number, rows: Iterable<Pick<SocketRow, 'state'>>): void {
    const counts: Record<StateGroup, number> = {
      LISTEN: 0,
      SYN: 0,
      ESTABLISHED: 0,
      CLOSING: 0,
      TIME_WAIT: 0,
      UNCONNECTED: 0
    }
    for (const r of rows) counts[stateGroup(r)]++
    const t = Math.floor(atMs / 1000)
    if (this.samples.at(-1)?.t === t) this.samples.pop()
    this.samples.push({ t, ...counts })
    if (this.samples.length > STATE_SAMPLES) this.samples = this.samples.slice(-STATE_SAMPLES)
  }

  /** Oldest first; a new array, so React sees a change. */
  series(): readonly StateSample[] {
    return [...this.samples]
  }
}
