// The CLI's row filters (--proto, --state, --port, --pid); pure.
import type { SocketProtocol, SocketRow } from '../../shared/model'
import { normalizeState } from './states'

export interface RowFilter {
  readonly protocols?: readonly SocketProtocol[]
  readonly state?: string
  readonly port?: number
  readonly pid?: number
}

export function filterRows<R extends SocketRow>(rows: readonly R[], f: RowFilter): R[] {
  const state = f.state === undefined ? undefined : normalizeState(f.state)
  return rows.filter(
    (r) =>
      (!f.protocols || f.protocols.includes(r.protocol)) &&
      (state === undefined || r.state === state) &&
      (f.port === undefined || r.localPort === f.port || r.remotePort === f.port) &&
      (f.pid === undefined || r.owners.some((o) => o.pid === f.pid))
  )
}
