// Bytes a second in and out over the last five minutes (recharts). Animation is off: the
// data moves every second, and an animation per update would only cost frames.
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import { memo, useMemo } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { RATE_WINDOW_S } from '../store/rate-history'
import type { RateHistory, RatePoint } from '../store/rate-history'
import { formatBytes, formatSecond, formatRate } from './format'

/** The coloured square before each series' name in the legend. */
const KEY_MARK = '■'

/** Each series with the key of its name in the `echo` namespace. */
const SERIES = [
  { key: 'out', name: 'chart.outSent', colour: 'var(--out)' },
  { key: 'in', name: 'chart.inReceived', colour: 'var(--in)' }
] as const

export function RateChart({
  points,
  label
}: {
  readonly points: readonly RatePoint[]
  readonly label: string
}): ReactElement {
  const { t } = useTranslation('echo')
  const last = points[points.length - 1]
  return (
    <figure className="chart" aria-label={label}>
      <figcaption className="muted">
        {label}
        {last ? t('chart.now', { rateIn: formatRate(last.in), rateOut: formatRate(last.out) }) : ''}
      </figcaption>
      <AreaChart
        responsive
        style={{ width: '100%', height: 160 }}
        data={points as RatePoint[]}
        margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
        <XAxis dataKey="t" tickFormatter={formatSecond} minTickGap={40} />
        <YAxis tickFormatter={(v: number) => formatBytes(v)} width={64} />
        <Tooltip
          labelFormatter={(t) => formatSecond(Number(t))}
          formatter={(v) => formatRate(Number(v))}
        />
        <Legend />
        {SERIES.map((d) => (
          <Area
            key={d.key}
            type="stepAfter"
            dataKey={d.key}
            name={t(d.name)}
            stroke={d.colour}
            fill={d.colour}
            fillOpacity={0.25}
            isAnimationActive={false}
            dot={false}
          />
        ))}
      </AreaChart>
    </figure>
  )
}

/** One session's rates, from the history, as of `now`. */
export interface SeriesProps {
  readonly rates: RateHistory
  readonly id: string
  readonly now: number
}

/**
 * The series, worked out again only when `now` moves: its buckets are seconds, so a busy
 * session's ten updates a second change nothing a chart could show before the next tick.
 */
export function useSeries(
  { rates, id, now }: SeriesProps,
  seconds: number = RATE_WINDOW_S
): RatePoint[] {
  return useMemo(() => rates.series(now, id, seconds), [rates, id, now, seconds])
}

const CHART_W = 600
const CHART_H = 120

/** A step line through the points, scaled to the chart, as an SVG path. */
function stepPath(
  points: readonly RatePoint[],
  pick: (p: RatePoint) => number,
  max: number
): string {
  const step = CHART_W / Math.max(1, points.length - 1)
  const y = (p: RatePoint): number => CHART_H - 1 - (pick(p) / max) * (CHART_H - 2)
  return points
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : `H${(i * step).toFixed(1)}V`}${i === 0 ? `0,${y(p)}` : y(p).toFixed(1)}`
    )
    .join('')
}

/**
 * A session's chart: plain SVG, not recharts. Selecting a session builds it, and a full
 * chart library's first draw cost several frames (bench/echo-select.ts); memoized, so it
 * redraws once a second, not on every update.
 */
export const SessionRateChart = memo(function SessionRateChart(props: SeriesProps): ReactElement {
  const { t } = useTranslation('echo')
  const points = useSeries(props)
  const label = t('chart.throughput', { id: props.id })
  const last = points[points.length - 1]
  const max = Math.max(1, ...points.map((p) => Math.max(p.in, p.out)))
  const first = points[0]
  return (
    <figure className="chart session-chart" aria-label={label}>
      <figcaption className="muted">
        {t('chart.window', { label, minutes: Math.round(RATE_WINDOW_S / 60) })}
        {last ? t('chart.now', { rateIn: formatRate(last.in), rateOut: formatRate(last.out) }) : ''}
        {t('chart.peak', { rate: formatRate(max) })}
      </figcaption>
      <svg
        viewBox={`0 0 ${CHART_W} ${CHART_H}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('chart.svgAria', { label })}
      >
        <path d={stepPath(points, (p) => p.out, max)} className="spark-out" />
        <path d={stepPath(points, (p) => p.in, max)} className="spark-in" />
      </svg>
      <div className="chart-axis muted">
        <span>{first ? formatSecond(first.t) : ''}</span>
        <span>
          <span className="key-out">{KEY_MARK}</span> {t('chart.outSent')}{' '}
          <span className="key-in">{KEY_MARK}</span> {t('chart.inReceived')}
        </span>
        <span>{last ? formatSecond(last.t) : ''}</span>
      </div>
    </figure>
  )
})
