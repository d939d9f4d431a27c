// The window's foot: which source feeds the table, its health, how many rows, how long the
// last poll took, the rate, and what the source cannot see.
import { useSyncExternalStore } from 'react'
import type { ReactElement } from 'react'
import type { TableStore } from '../store/table-store'

export interface StatusBarProps {
  readonly store: TableStore
  /** The recording being replayed, if any: then nothing shown is live. */
  readonly replaying?: string
}

export function StatusBar({ store, replaying }: StatusBarProps): ReactElement {
  const { status, paused } = useSyncExternalStore(store.subscribe, store.getState)
  if (!status) {
    return (
      <footer className="status-bar" aria-label="Status">
        <span className="muted">Waiting for the first poll…</span>
      </footer>
    )
  }
  return (
    <footer
      className="status-bar"
      aria-label="Status"
      data-health={status.health}
      data-seq={status.seq}
    >
      {replaying !== undefined ? (
        <span data-item="replay" className="replay-note">
          Replaying {replaying} · live polling paused
        </span>
      ) : null}
      <span data-item="source">
        Source <strong>{status.source}</strong>
      </span>
      <span data-item="health">
        <span className="dot" aria-hidden="true" /> {status.health}
      </span>
      <span data-item="rows">{status.rows} rows</span>
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
