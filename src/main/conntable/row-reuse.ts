// "Decode only what changed": between two polls most sockets show exactly what they showed
// before, so a dump message whose shown fields read the same as last poll's gives back last
// poll's row object instead of a new one (no address strings, no id, no TCP_INFO object).
// Keyed by inode; only fields the table shows are compared (timers and counters it does
// not show may tick without making a new row).
import type { SocketRow } from '../../shared/model'

interface Entry {
  readonly row: SocketRow
  readonly sig: readonly number[]
  /** The poll that last saw this socket. */
  poll: number
}

export class RowReuse {
  /** One map, entries stamped with their poll: cheaper than filling a second map a poll. */
  private readonly entries = new Map<number, Entry>()
  private poll = 1
  /** Scratch space for the current message's signature. */
  readonly sig: number[] = []

  /** Last poll's row for `inode` if `this.sig` still matches it; kept for the next poll. */
  same(inode: number): SocketRow | null {
    const entry = this.entries.get(inode)
    if (!entry || entry.poll !== this.poll - 1) return null
    const a = entry.sig
    const b = this.sig
    if (a.length !== b.length) return null
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return null
    entry.poll = this.poll
    return entry.row
  }

  /** Remembers a freshly decoded row with the signature in `this.sig`. */
  keep(inode: number, row: SocketRow): void {
    this.entries.set(inode, { row, sig: this.sig.slice(), poll: this.poll })
  }

  /** Ends a poll: sockets it did not see are forgotten. */
  turn(): void {
    for (const [inode, entry] of this.entries)
      if (entry.poll !== this.poll) this.entries.delete(inode)
    this.poll++
  }

  /** Forgets everything (a failed dump must not leave half a poll behind). */
  reset(): void {
    this.entries.clear()
    this.poll++
  }
}
