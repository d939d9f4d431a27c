// Every socket on the machine, live: a virtualized table (only the rows in view are in the
// DOM), sortable columns, and one filter box (row-filter.ts).
import { useVirtualizer } from '@tanstack/react-virtual'
import { useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { ReactElement } from 'react'
import { formatEndpoint } from '../../../shared/endpoint'
import type { TableRow } from '../../../shared/model'
import { matches, parseFilter } from '../../../shared/row-filter'
import type { TableStore } from '../store/table-store'
import { MARK_MS } from '../store/table-store'

const ROW_HEIGHT = 28
/** Sorts portless (Unix) sockets after every port number. */
const UNIX_LAST = 70_000

interface Column {
  readonly key: string
  readonly label: string
  readonly width: string
  readonly text: (r: TableRow) => string
  readonly sort: (r: TableRow) => string | number
  readonly numeric?: boolean
}

const endpoint = (address: string | null, port: number | null): string =>
  address === null ? '*' : address === '' ? '(unnamed)' : formatEndpoint({ address, port })

const COLUMNS: readonly Column[] = [
  {
    key: 'proto',
    label: 'Proto',
    width: '70px',
    text: (r) =>
      (r.protocol === 'tcp' || r.protocol === 'udp') && r.family === 'ipv6'
        ? `${r.protocol}6`
        : r.protocol,
    sort: (r) => r.protocol
  },
  {
    key: 'local',
    label: 'Local',
    width: 'minmax(160px, 1.4fr)',
    text: (r) => endpoint(r.localAddress, r.localPort),
    // By port; Unix sockets (no port) after every TCP and UDP socket.
    sort: (r) => r.localPort ?? UNIX_LAST
  },
  {
    key: 'remote',
    label: 'Remote',
    width: 'minmax(140px, 1.2fr)',
    text: (r) => endpoint(r.remoteAddress, r.remotePort),
    sort: (r) => r.remotePort ?? -1
  },
  {
    key: 'state',
    label: 'State',
    width: '110px',
    text: (r) => r.state ?? '—',
    sort: (r) => r.state ?? ''
  },
  {
    key: 'pid',
    label: 'PID',
    width: '70px',
    numeric: true,
    text: (r) => r.owners.map((o) => o.pid).join(', '),
    sort: (r) => r.owners[0]?.pid ?? -1
  },
  {
    key: 'process',
    label: 'Process',
    width: 'minmax(100px, 1fr)',
    text: (r) => [...new Set(r.owners.map((o) => o.process ?? '?'))].join(', '),
    sort: (r) => r.owners[0]?.process ?? ''
  },
  {
    key: 'fd',
    label: 'FD',
    width: '50px',
    numeric: true,
    text: (r) => r.owners.map((o) => o.fd ?? '—').join(', '),
    sort: (r) => r.owners[0]?.fd ?? -1
  },
  {
    key: 'sendq',
    label: 'Send-Q',
    width: '70px',
    numeric: true,
    text: (r) => String(r.sendQueue ?? '—'),
    sort: (r) => r.sendQueue ?? -1
  },
  {
    key: 'recvq',
    label: 'Recv-Q',
    width: '70px',
    numeric: true,
    text: (r) => String(r.recvQueue ?? '—'),
    sort: (r) => r.recvQueue ?? -1
  },
  {
    key: 'bytes',
    label: 'Bytes out/in',
    width: '120px',
    numeric: true,
    text: (r) =>
      r.tcpInfo ? `${r.tcpInfo.bytesSent ?? '—'} / ${r.tcpInfo.bytesReceived ?? '—'}` : '—',
    sort: (r) => r.tcpInfo?.bytesSent ?? -1
  }
]
const TEMPLATE = COLUMNS.map((c) => c.width).join(' ')

export interface ConnectionsViewProps {
  readonly store: TableStore
}

export function ConnectionsView({ store }: ConnectionsViewProps): ReactElement {
  const state = useSyncExternalStore(store.subscribe, store.getState)
  const [filter, setFilter] = useState('')
  const deferredFilter = useDeferredValue(filter)
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 }>({ key: 'local', dir: 1 })
  const [now, setNow] = useState(() => Date.now())
  const scroller = useRef<HTMLDivElement>(null)

  // Re-colour as marks age out.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), MARK_MS / 2)
    return () => clearInterval(timer)
  }, [])

  const visible = useMemo(() => {
    const terms = parseFilter(deferredFilter)
    const column = COLUMNS.find((c) => c.key === sort.key) ?? COLUMNS[1]!
    return state.rows
      .filter((r) => matches(r, terms))
      .sort((a, b) => {
        const x = column.sort(a)
        const y = column.sort(b)
        return (x < y ? -1 : x > y ? 1 : 0) * sort.dir
      })
  }, [state.rows, deferredFilter, sort])

  // No React Compiler here: the virtualizer's functions are read fresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12
  })

  const markOf = (r: TableRow): string => {
    if (r.closingSince !== null) return 'closing'
    const m = state.marks.get(r.id)
    return m && now - m.at < MARK_MS ? m.mark : ''
  }

  return (
    <section className="connections" aria-label="Connections">
      <div className="toolbar">
        <input
          type="search"
          aria-label="Filter connections"
          placeholder="port:80 pid:123 state:listen proc:node proto:udp mine — or any text"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="muted" role="status" aria-label="Connection count">
          {state.loaded
            ? `${visible.length} of ${state.rows.length} sockets`
            : 'Reading the table…'}
        </span>
      </div>
      <div
        className="grid"
        role="table"
        aria-label="Connections table"
        aria-rowcount={visible.length + 1}
      >
        <div className="grid-row grid-head" role="row" style={{ gridTemplateColumns: TEMPLATE }}>
          {COLUMNS.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              aria-sort={
                sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'
              }
              className={c.numeric ? 'num' : undefined}
            >
              <button
                type="button"
                onClick={() =>
                  setSort((s) => ({ key: c.key, dir: s.key === c.key ? (-s.dir as 1 | -1) : 1 }))
                }
              >
                {c.label}
              </button>
            </div>
          ))}
        </div>
        <div className="grid-body" ref={scroller}>
          {state.loaded && visible.length === 0 ? (
            <p className="empty muted">No socket matches this filter.</p>
          ) : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = visible[item.index]!
              return (
                <div
                  key={r.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="grid-row"
                  data-mark={markOf(r)}
                  data-mine={r.sessionId !== null || r.listenerId !== null ? 'true' : undefined}
                  style={{
                    gridTemplateColumns: TEMPLATE,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`
                  }}
                >
                  {COLUMNS.map((c) => (
                    <div key={c.key} role="cell" className={c.numeric ? 'num' : undefined}>
                      {c.text(r)}
                    </div>
                  ))}
                </div>
              )
            })}
          </div>
        </div>
      </div>
    </section>
  )
}
