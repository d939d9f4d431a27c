// "Decode only what changed": between two polls most sockets show exactly what they showed
// before, so a dump message whose shown fields read the same as last poll's gives back last
// poll's row object instead of a new one (no address strings, no id, no TCP_INFO object).
// Keyed by inode; only fields the table shows are compared (timers and counters it does
// not show may tick without making a new row).
import type { SocketRow } from '../../shared/model'

interface Entry {
  readonly row: SocketRow
  readonly sig: readonly number[]
}

export class RowReuse {
  private prev = new Map<number, Entry>()
  private next = new Map<number, Entry>()
  /** Scratch space for the current message's signature. */
  readonly sig: number[] = []

  /** Last poll's row for `inode` if `this.sig` still matches it; carried to the next poll. */
  same(inode: number): SocketRow | null {
    const entry = this.prev.get(inode)
    if (!entry) return null
    const a = entry.sig
    const b = this.sig
    if (a.length !== b.length) return null
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return null
    this.next.set(inode, entry)
    return entry.row
  }

  /** Remembers a freshly decoded row with the signature in `this.sig`. */
  keep(inode: number, row: SocketRow): void {
    this.next.set(inode, { row, sig: this.sig.slice() })
  }

  /** Ends a poll: what was seen becomes what the next poll compares with. */
  turn(): void {
    const old = this.prev
    this.prev = this.next
    old.clear()
    this.next = old
  }

  /** Forgets everything (a failed dump must not leave half a poll behind). */
  reset(): void {
    this.prev.clear()
    this.next.clear()
  }
}
