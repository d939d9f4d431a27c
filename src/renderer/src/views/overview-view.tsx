// The machine at a glance: sockets by state over the last five minutes (stacked), the echo
// servers' total bytes a second, and who holds the most sockets.
import { useMemo, useSyncExternalStore } from 'react'
import type { ReactElement } from 'react'
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts'
import { RateChart } from '../components/rate-chart'
import { StaleNote } from '../components/stale-note'
import { formatBytes, formatSecond } from '../components/format'
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
  const end = Math.floor(now / 1000)
  return (
    <figure className="chart" aria-label="Sockets by state">
      <figcaption className="muted">Sockets by state, last five minutes</figcaption>
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
        <Tooltip labelFormatter={(t) => formatSecond(Number(t))} />
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
  const { rows, loaded, samples, stateCounts, staleSince } = useSyncExternalStore(
    table.subscribe,
    table.getState
  )
  const { listeners, sessions } = useSyncExternalStore(echo.subscribe, echo.getState)
  const now = useNow()

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
  const figures: ReadonlyArray<readonly [string, string]> = [
    ['Sockets', loaded ? String(rows.length) : '…'],
    ['Listening', inState('LISTEN')],
    ['Established', inState('ESTABLISHED')],
    ['TIME_WAIT', inState('TIME_WAIT')],
    ['Echo servers', String(listeners.filter((l) => l.state === 'listening').length)],
    ['Open sessions', String(open)],
    ['Echo bytes', formatBytes(bytes)]
  ]

  return (
    <div className="overview" data-stale={staleSince !== null}>
      {staleSince !== null ? <StaleNote since={staleSince} what="These figures" /> : null}
      <section className="panel figures" aria-label="At a glance">
        {figures.map(([label, value]) => (
          <div key={label} className="figure">
            <span className="figure-value" data-figure={label}>
              {value}
            </span>
            <span className="muted">{label}</span>
          </div>
        ))}
      </section>
      <section className="panel" aria-label="States over time">
        <h2>Connections by state</h2>
        {samples.length < 2 ? (
          <p className="muted">The chart fills in as the table is polled (once a second).</p>
        ) : null}
        <StateChart samples={samples} now={now} />
      </section>
      <section className="panel" aria-label="Echo throughput">
        <h2>Echo traffic</h2>
        {sessions.length === 0 ? (
          <p className="muted empty-hint">
            No echo sessions yet — start a server in the Echo view, then{' '}
            <code>nc 127.0.0.1 PORT</code> and type.
          </p>
        ) : null}
        <RateChart points={echo.rates.series(now)} label="All echo sessions, bytes a second" />
      </section>
      <section className="panel" aria-label="Top processes">
        <h2>Most sockets</h2>
        <table className="sessions" aria-label="Processes by socket count">
          <thead>
            <tr>
              <th scope="col">Process (pid)</th>
              <th scope="col" className="num">
                Sockets
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
                      title="Show it in the Processes view"
                      onClick={() => onOpenProcess(pid)}
                    >
                      {name}
                    </button>
                  ) : (
                    name
                  )}
                </td>
                <td className="num">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  )
}
