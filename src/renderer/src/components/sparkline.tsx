// A tiny inline chart of bytes a second, in and out, for a table cell: plain SVG, because
// a full chart per row would cost more than the rows themselves.
import { memo } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { RatePoint } from '../store/rate-history'
import { useSeries } from './rate-chart'
import type { SeriesProps } from './rate-chart'

const W = 90
const H = 18

function path(points: readonly RatePoint[], pick: (p: RatePoint) => number, max: number): string {
  const step = W / Math.max(1, points.length - 1)
  return points
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)},${(H - 1 - (pick(p) / max) * (H - 2)).toFixed(1)}`
    )
    .join('')
}

const SECONDS = 60

/**
 * The last minute of one session. Its buckets are seconds, so it redraws once a second (on
 * `now`), not on each of a busy session's ten updates a second.
 */
export const Sparkline = memo(function Sparkline(props: SeriesProps): ReactElement {
  const { t } = useTranslation('common')
  const points = useSeries(props, SECONDS)
  const label = t('sparkline', { id: props.id })
  const max = Math.max(1, ...points.map((p) => Math.max(p.in, p.out)))
  return (
    <svg className="sparkline" width={W} height={H} role="img" aria-label={label}>
      <path d={path(points, (p) => p.out, max)} className="spark-out" />
      <path d={path(points, (p) => p.in, max)} className="spark-in" />
    </svg>
  )
})
