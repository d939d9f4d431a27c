// Said above any view whose data stopped when the link to the core dropped, so nothing
// stale passes for live.
import type { ReactElement } from 'react'
import { formatClock } from './format'

export function StaleNote({
  since,
  what
}: {
  readonly since: number
  /** What is not live, as a sentence's subject: "The table", "These figures". */
  readonly what: string
}): ReactElement {
  return (
    <p className="stale-note" role="status" data-stale-note="">
      Not live: {what.charAt(0).toLowerCase() + what.slice(1)} stopped at {formatClock(since)}, when
      the connection to the core was lost.
    </p>
  )
}
