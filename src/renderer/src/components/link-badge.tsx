import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { LinkStatus } from '../api'

export interface LinkBadgeProps {
  readonly shell: 'electron' | 'browser'
  readonly status: LinkStatus
  /** Times the core was replaced (it crashed or serve was restarted); what it held is gone. */
  readonly coreRestarts?: number
}

export function LinkBadge({ shell, status, coreRestarts = 0 }: LinkBadgeProps): ReactElement {
  const { t } = useTranslation('common')
  const where = shell === 'electron' ? t('link.desktop') : t('link.browser')
  return (
    <div
      className="link-badge"
      data-status={status}
      role="status"
      aria-label={t('link.aria')}
      title={`${t(`link.${status}`)} · ${where}`}
    >
      <span className="dot" aria-hidden="true" />
      {t(`link.${status}`)} <span className="muted link-where">· {where}</span>
      {coreRestarts > 0 && (
        <span className="muted" data-core-restarts={coreRestarts}>
          {' '}
          · {t('link.coreRestarted')}
          {coreRestarts > 1 ? ` ×${coreRestarts}` : ''}
        </span>
      )}
    </div>
  )
}
