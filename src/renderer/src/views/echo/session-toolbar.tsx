// Above the session list: a peer filter, state and server pickers, how many sessions there
// are and how many are shown, the bound on closed sessions kept, and "Clear closed".
import type { ReactElement } from 'react'
import { LIMITS } from '../../../../shared/limits'
import type { Listener, Session } from '../../../../shared/model'
import { isLiveSession } from '../../components/session-table'
import { CLIENTS_GROUP } from './session-rows'
import type { SessionFilter, StateFilter } from './session-rows'
import { describeListener } from './start-server-form'

const STATES: readonly { value: StateFilter; label: string }[] = [
  { value: 'all', label: 'Any state' },
  { value: 'live', label: 'Open or closing' },
  { value: 'closed', label: 'Closed' },
  { value: 'error', label: 'Failed' }
]

export interface SessionToolbarProps {
  readonly listeners: readonly Listener[]
  readonly sessions: readonly Session[]
  readonly shown: number
  readonly filter: SessionFilter
  readonly onFilter: (f: SessionFilter) => void
  readonly onClearClosed: () => void
  readonly forgotten: number
}

export function SessionToolbar({
  listeners,
  sessions,
  shown,
  filter,
  onFilter,
  onClearClosed,
  forgotten
}: SessionToolbarProps): ReactElement {
  const closed = sessions.filter((s) => !isLiveSession(s)).length
  return (
    <div className="session-toolbar">
      <input
        type="search"
        aria-label="Filter sessions"
        placeholder="Filter by peer, address or id"
        value={filter.text}
        onChange={(e) => onFilter({ ...filter, text: e.target.value })}
      />
      <select
        aria-label="Sessions in state"
        value={filter.state}
        onChange={(e) => onFilter({ ...filter, state: e.target.value as StateFilter })}
      >
        {STATES.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Sessions of server"
        value={filter.server}
        onChange={(e) => onFilter({ ...filter, server: e.target.value })}
      >
        <option value="all">Every server</option>
        {listeners.map((l) => (
          <option key={l.id} value={l.id}>
            {l.id}: {describeListener(l)}
          </option>
        ))}
        <option value={CLIENTS_GROUP}>Clients of this app</option>
      </select>
      <button type="button" disabled={closed === 0} onClick={onClearClosed}>
        Clear closed
      </button>
      <span role="status" aria-label="Session count" className="muted">
        {shown === sessions.length ? `${sessions.length}` : `${shown} of ${sessions.length}`}{' '}
        sessions · {closed} closed kept (at most {LIMITS.closedSessionsKept.toLocaleString('en')})
        {forgotten > 0 ? ` · ${forgotten} older closed let go` : ''}
      </span>
    </div>
  )
}
