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
}

export function LinkBadge({ shell, status }: LinkBadgeProps): ReactElement {
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
    </div>
  )
}
