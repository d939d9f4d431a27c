// The life of a UDP or Unix socket, which has no TCP state machine: bound, connected (when
// it has a fixed peer), closed — the stages it was seen in lit, each explained on hover.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { StateChange } from '../../../../shared/model'
import { SIMPLE_STAGES, simpleLife } from './diagram-path'

export function SimpleLife({
  history,
  closedAt
}: {
  readonly history: readonly StateChange[]
  readonly closedAt: number | null
}): ReactElement {
  const { t } = useTranslation('teach')
  const life = simpleLife(history, closedAt)
  const current = closedAt === null ? life.at(-1)?.stage : 'closed'
  return (
    <ol className="simple-life" aria-label={t('simple.aria')}>
      {SIMPLE_STAGES.map((stage) => {
        const seen = life.some((l) => l.stage === stage)
        return (
          <li
            key={stage}
            tabIndex={0}
            title={t(`simple.${stage}Note`)}
            className={[seen && 'seen', current === stage && 'current'].filter(Boolean).join(' ')}
            aria-current={current === stage || undefined}
          >
            {t(`simple.${stage}`)}
          </li>
        )
      })}
    </ol>
  )
}
