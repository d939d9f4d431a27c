// A tiny inline chart of bytes a second, in and out, for a table cell: plain SVG, because
// a full chart per row would cost more than the rows themselves.
import type { ReactElement } from 'react'
import type { RatePoint } from '../store/rate-history'

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

export function Sparkline({
  points,
  label
}: {
  readonly points: readonly RatePoint[]
  readonly label: string
}): ReactElement {
  const max = Math.max(1, ...points.map((p) => Math.max(p.in, p.out)))
  return (
    <svg className="sparkline" width={W} height={H} role="img" aria-label={label}>
      <path d={path(points, (p) => p.out, max)} className="spark-out" />
      <path d={path(points, (p) => p.in, max)} className="spark-in" />
    </svg>
  )
}
