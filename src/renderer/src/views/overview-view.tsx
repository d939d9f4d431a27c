// The machine at a glance: sockets by state over the last five minutes (stacked), the echo
// servers' total bytes a second, and who holds the most sockets.
import { useMemo, useSyncExternalStore } from 'react'
import type { ReactElement } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import { RateChart } from '../components/rate-chart'
import { StaleNote } from '../components/stale-note'
import { formatBytes, formatCount, formatSecond } from '../components/format'
import { useNow } from '../components/use-now'
import type { EchoStore } from '../store/echo-store'
import { STATE_GROUPS, STATE_SAMPLES } from '../store/state-history'
import type { StateSample } from '../store/state-history'
import type { TableStore } from '../store/table-store'

/** One colour a state group, in life-cycle order; CSS variables follow the theme. */
const GROUP_COLOURS: Record<(typeof STATE_GROUPS)[number], string> = {
  LISTEN: 'var(--state-listen)',
  SYN: 'var(--state-syn)',
  ESTABLISHED: 'var(--state-established)',
  CLOSING: 'var(--state-closing)',
  TIME_WAIT: 'var(--state-time-wait)',
  UNCONNECTED: 'var(--state-unconnected)'
}

function StateChart({
  samples,
  now
}: {
  readonly samples: readonly StateSample[]
  readonly now: number
}): ReactElement {
  // A fixed five-minute axis, so the chart fills in from the right as samples come.
  const { t } = useTranslation('overview')
  const end = Math.floor(now / 1000)
  return (
    <figure className="chart" aria-label={t('chart.aria')}>
      <figcaption className="muted">{t('chart.caption')}</figcaption>
      <AreaChart
        responsive
        style={{ width: '100%', height: 240 }}
        data={samples as StateSample[]}
        margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" className="chart-grid" />
        <XAxis
          dataKey="t"
          type="number"
          domain={[end - STATE_SAMPLES + 1, end]}
          tickFormatter={formatSecond}
          minTickGap={40}
        />
        <YAxis width={56} allowDecimals={false} />
        <Tooltip labelFormatter={(x) => formatSecond(Number(x))} />
        <Legend />
        {STATE_GROUPS.map((g) => (
          <Area
            key={g}
            type="stepAfter"
            dataKey={g}
            stackId="states"
            stroke={GROUP_COLOURS[g]}
            fill={GROUP_COLOURS[g]}
            fillOpacity={0.5}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </figure>
  )
}

export function OverviewView({
  table,
  echo,
  onOpenProcess
}: {
  readonly table: TableStore
  readonly echo: EchoStore
  /** Opens the Processes view on this process. */
  readonly onOpenProcess?: (pid: number) => void
}): ReactElement {
  const { t } = useTranslation('overview')
  const { rows, loaded, samples, stateCounts, staleSince } = useSyncExternalStore(
    table.subscribe,
    table.getState
  )
  const { listeners, sessions } = useSyncExternalStore(echo.subscribe, echo.getState)
  // Live: the second's tick; a replay: the scrubber's time.
  const tick = useNow()
  const now = table.replaying ? table.clock() : tick

  const topProcesses = useMemo(() => {
    const counts = new Map<number, { name: string; n: number }>()
    for (const r of rows)
      for (const o of r.owners) {
        const c = counts.get(o.pid) ?? { name: `${o.process ?? '?'} (${o.pid})`, n: 0 }
        if (r.owners.find((x) => x.pid === o.pid) === o) c.n++ // once a socket per process
        counts.set(o.pid, c)
      }
    return [...counts].sort((a, b) => b[1].n - a[1].n).slice(0, 8)
  }, [rows])

  const open = sessions.filter((s) => s.state === 'open' || s.state === 'half-closed').length
  const bytes = sessions.reduce((n, s) => n + s.bytesIn + s.bytesOut, 0)
  // The same counts as the table's header and state chips and the status bar's rows, from
  // the same state, so the figures agree with them at any moment.
  const inState = (state: string): string =>
    String(stateCounts.find(([s]) => s === state)?.[1] ?? 0)
  // Plain digits, as the table's header shows the same counts.
  // [data-figure (a stable English id the specs find), its label's key, the value]
  const figures: ReadonlyArray<readonly [string, string, string]> = [
    ['Sockets', 'sockets', loaded ? String(rows.length) : '…'],
    ['Listening', 'listening', inState('LISTEN')],
    ['Established', 'established', inState('ESTABLISHED')],
    ['TIME_WAIT', 'timeWait', inState('TIME_WAIT')],
    [
      'Echo servers',
      'echoServers',
      String(listeners.filter((l) => l.state === 'listening').length)
    ],
    ['Open sessions', 'openSessions', String(open)],
    ['Echo bytes', 'echoBytes', formatBytes(bytes)]
  ]

  return (
    <div className="overview" data-stale={staleSince !== null}>
      {staleSince !== null ? <StaleNote since={staleSince} what={t('staleWhat')} /> : null}
      <section className="panel figures" aria-label={t('glance')}>
        {figures.map(([id, key, value]) => (
          <div key={id} className="figure">
            <span className="figure-value" data-figure={id}>
              {value}
            </span>
            <span className="muted">{t(`figures.${key}`)}</span>
          </div>
        ))}
      </section>
      <section className="panel" aria-label={t('states.aria')}>
        <h2>{t('states.title')}</h2>
        {samples.length < 2 ? <p className="muted">{t('states.filling')}</p> : null}
        <StateChart samples={samples} now={now} />
      </section>
      <section className="panel" aria-label={t('echo.aria')}>
        <h2>{t('echo.title')}</h2>
        {sessions.length === 0 ? (
          <p className="muted empty-hint">
            <Trans t={t} i18nKey="echo.empty" components={{ code: <code /> }} />
          </p>
        ) : null}
        <RateChart points={echo.rates.series(now)} label={t('echo.chart')} />
      </section>
      <section className="panel" aria-label={t('top.aria')}>
        <h2>{t('top.title')}</h2>
        <table className="sessions" aria-label={t('top.table')}>
          <thead>
            <tr>
              <th scope="col">{t('top.process')}</th>
              <th scope="col" className="num">
                {t('top.sockets')}
              </th>
            </tr>
          </thead>
          <tbody>
            {topProcesses.map(([pid, { name, n }]) => (
              <tr key={pid}>
                <td>
                  {onOpenProcess ? (
                    <button
                      type="button"
                      className="link"
                      title={t('top.open')}
                      onClick={() => onOpenProcess(pid)}
                    >
                      {name}
                    </button>
                  ) : (
                    name
                  )}
                </td>
                <td className="num">{formatCount(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  )
}
