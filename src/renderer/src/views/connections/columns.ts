// The connection table's columns: what each shows and how it sorts.
import type { TableRow } from '../../../../shared/model'
import { describeLeftBy } from '../../../../shared/time-wait'
import { formatDuration } from '../../components/format'
import { localText, remoteText } from './endpoint-names'

/** Sorts portless (Unix) sockets after every port number. */
const UNIX_LAST = 70_000

export interface Column {
  readonly key: string
  readonly label: string
  readonly width: string
  /** `now` is for columns that age (Age); the rest ignore it. */
  readonly text: (r: TableRow, now: number) => string
  readonly sort: (r: TableRow) => string | number
  readonly numeric?: boolean
  /** Said on hover over the header, where the label alone could mislead. */
  readonly title?: string
}

export const COLUMNS: readonly Column[] = [
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
    text: localText,
    // By port; Unix sockets (no port) after every TCP and UDP socket.
    sort: (r) => r.localPort ?? UNIX_LAST
  },
  {
    key: 'remote',
    label: 'Remote',
    width: 'minmax(140px, 1.2fr)',
    text: remoteText,
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
    // An orphan (TIME_WAIT) says who left it: "left by node (pid 812), closed 14 s ago".
    text: (r, now) =>
      describeLeftBy(r, now) ?? [...new Set(r.owners.map((o) => o.process ?? '?'))].join(', '),
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
    title: 'TCP_INFO bytes sent / received, where the source has them (netlink, ss -i)',
    numeric: true,
    text: (r) =>
      r.tcpInfo ? `${r.tcpInfo.bytesSent ?? '—'} / ${r.tcpInfo.bytesReceived ?? '—'}` : '—',
    sort: (r) => r.tcpInfo?.bytesSent ?? -1
  },
  {
    key: 'age',
    label: 'Age',
    width: '90px',
    title: 'Since the table first saw the socket (sockets older than the app show its start)',
    numeric: true,
    text: (r, now) => formatDuration(now - r.firstSeen),
    // Youngest first when ascending: the newest sockets are usually the interesting ones.
    sort: (r) => -r.firstSeen
  }
]
export const TEMPLATE = COLUMNS.map((c) => c.width).join(' ')
