// A connection-table source: reads the OS's sockets now, and says what it could not see.
import type { SocketRow, TableSourceId } from '../../shared/model'

export interface SourceRead {
  readonly rows: readonly SocketRow[]
  /** Sentences about what is missing (other users' owners without root, a tool's stderr). */
  readonly blind: readonly string[]
}

export interface TableSource {
  readonly id: TableSourceId
  read(): Promise<SourceRead>
}
