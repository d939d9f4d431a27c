// The window's foot: which source feeds the table, its health, how many rows, how long the
// last poll took, the rate, and what the source cannot see. When the core is gone it says
// so first, in red: nothing below it is live any more.
import { useSyncExternalStore } from 'react'
import type { ReactElement } from 'react'
import { VANISHED_STATE } from '../../../shared/model'
import type { TableStore } from '../store/table-store'
import { formatClock } from './format'

export function StatusBar({ store }: { readonly store: TableStore }): ReactElement {
  const { status, paused, rows, stateCounts, staleSince } = useSyncExternalStore(
    store.subscribe,
    store.getState
  )
  if (staleSince !== null) {
    return (
      <footer className="status-bar" aria-label="Status" data-health="offline">
        <span data-item="health" role="alert">
          <span className="dot" aria-hidden="true" /> Lost the core at {formatClock(staleSince)}:
          the table, details and Overview show what was last seen, not what is now. The page
          reconnects by itself when the core is back.
        </span>
      </footer>
    )
  }
  if (!status) {
    return (
      <footer className="status-bar" aria-label="Status">
        <span className="muted">Waiting for the first poll…</span>
      </footer>
    )
  }
  // The rows the table holds now, as the header and the Overview count them (not the core's
  // count at its last status, which can be a poll behind).
  const vanished = stateCounts.find(([s]) => s === VANISHED_STATE)?.[1] ?? 0
  return (
    <footer
      className="status-bar"
      aria-label="Status"
      data-health={status.health}
      data-seq={status.seq}
    >
      <span data-item="source">
        Source <strong>{status.source}</strong>
      </span>
      <span data-item="health">
        <span className="dot" aria-hidden="true" /> {status.health}
      </span>
      <span
        data-item="rows"
        title="Every row of the table, with sockets that just closed and are fading out"
      >
        {rows.length} rows{vanished > 0 ? ` (${vanished} just closed)` : ''}
      </span>
      <span data-item="poll">
        poll {status.pollMs === null ? '—' : `${status.pollMs.toFixed(1)} ms`}
      </span>
      <span data-item="rate">
        {status.polling ? `${status.rateHz} Hz` : 'not polling'}
        {paused ? ' · view paused' : ''}
      </span>
      {status.blind.length > 0 ? (
        <span data-item="blind" className="muted" title={status.blind.join('\n')}>
          cannot see: {status.blind.join('; ')}
        </span>
      ) : null}
    </footer>
  )
}
