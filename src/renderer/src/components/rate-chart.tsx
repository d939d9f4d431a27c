// Bytes a second in and out over the last five minutes (recharts). Animation is off: the
// data moves every second, and an animation per update would only cost frames.
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import type { ReactElement } from 'react'
import type { RatePoint } from '../store/rate-history'
import { formatBytes, formatRate } from './format'

const clock = (t: number): string => new Date(t * 1000).toTimeString().slice(0, 8)

export function RateChart({
  points,
  label
}: {
  readonly points: readonly RatePoint[]
  readonly label: string
}): ReactElement {
  const last = points[points.length - 1]
  return (
    <figure className="chart" aria-label={label}>
      <figcaption className="muted">
        {label}
        {last ? ` — now ${formatRate(last.in)} in, ${formatRate(last.out)} out` : ''}
      </figcaption>
      <AreaChart
        responsive
        style={{ width: '100%', height: 160 }}
        data={points as RatePoint[]}
        margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
        <XAxis dataKey="t" tickFormatter={clock} minTickGap={40} />
        <YAxis tickFormatter={(v: number) => formatBytes(v)} width={64} />
        <Tooltip
          labelFormatter={(t) => clock(Number(t))}
          formatter={(v) => formatRate(Number(v))}
        />
        <Legend />
        <Area
          type="stepAfter"
          dataKey="out"
          name="out (sent)"
          stroke="var(--out)"
          fill="var(--out)"
          fillOpacity={0.25}
          isAnimationActive={false}
          dot={false}
        />
        <Area
          type="stepAfter"
          dataKey="in"
          name="in (received)"
          stroke="var(--in)"
          fill="var(--in)"
          fillOpacity={0.25}
          isAnimationActive={false}
          dot={false}
        />
      </AreaChart>
    </figure>
  )
}
