// A connection-table source: reads the OS's sockets now, and says what it could not see.
import type { SocketRow, TableSourceId } from '../../shared/model'
import type { Said, Worded } from '../../shared/said'

export interface SourceRead {
  readonly rows: readonly SocketRow[]
  /** Sentences about what is missing (other users' owners without root, a tool's stderr). */
  readonly blind: readonly string[]
  /** The sentences of `blind` the source made itself, in words the renderer can say. */
  readonly blindSaid?: Readonly<Record<string, Said>>
}

/** Notes as a read's `blind` and `blindSaid`; a tool's own lines come as plain strings. */
export function blindOf(
  notes: readonly (Worded | string)[]
): Pick<SourceRead, 'blind' | 'blindSaid'> {
  const blindSaid: Record<string, Said> = {}
  for (const n of notes) if (typeof n !== 'string') blindSaid[n.text] = n.said
  return { blind: notes.map((n) => (typeof n === 'string' ? n : n.text)), blindSaid }
}

export interface TableSource {
  readonly id: TableSourceId
  read(): Promise<SourceRead>
}
