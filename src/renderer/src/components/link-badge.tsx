import type { ReactElement } from 'react'
import type { LinkStatus } from '../api'

const LABELS: Readonly<Record<LinkStatus, string>> = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Reconnecting…',
  unauthorized: 'Token refused'
}

export interface LinkBadgeProps {
  readonly shell: 'electron' | 'browser'
  readonly status: LinkStatus
  /** Times the core was replaced (it crashed or serve was restarted); what it held is gone. */
  readonly coreRestarts?: number
}

const CORE_RESTARTED = 'core restarted'

export function LinkBadge({ shell, status, coreRestarts = 0 }: LinkBadgeProps): ReactElement {
  const where = shell === 'electron' ? 'desktop app' : 'browser mode'
  return (
    <div
      className="link-badge"
      data-status={status}
      role="status"
      aria-label="Connection to the core"
    >
      <span className="dot" aria-hidden="true" />
      {LABELS[status]} <span className="muted">· {where}</span>
      {coreRestarts > 0 && (
        <span className="muted" data-core-restarts={coreRestarts}>
          {' '}
          · {CORE_RESTARTED}
          {coreRestarts > 1 ? ` ×${coreRestarts}` : ''}
        </span>
      )}
    </div>
  )
}
