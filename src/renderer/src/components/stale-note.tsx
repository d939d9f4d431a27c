// Said above any view whose data stopped when the link to the core dropped, so nothing
// stale passes for live.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { formatClock } from './format'

export function StaleNote({
  since,
  what
}: {
  readonly since: number
  /** What is not live, as a sentence's subject: "The table", "These figures". */
  readonly what: string
}): ReactElement {
  const { t } = useTranslation('common')
  return (
    <p className="stale-note" role="status" data-stale-note="">
      {t('stale.note', {
        what: what.charAt(0).toLowerCase() + what.slice(1),
        at: formatClock(since)
      })}
    </p>
  )
}
