// The connection table's columns: what each shows, how it sorts, and how wide it is. The
// user's order, widths and hidden columns (settings) are applied by layoutColumns.
import type { ConnectionsSettings } from '../../../../shared/connections-settings'
import { CONNECTIONS_LIMITS } from '../../../../shared/connections-settings'
import type { TableRow } from '../../../../shared/model'
import { i18n } from '../../i18n'
import { localText, remoteText } from './endpoint-names'
import {
  exactBytes,
  formatBytes,
  formatClock,
  formatCount,
  formatDuration
} from '../../components/format'

/** Sorts portless (Unix) sockets after every port number. */
const UNIX_LAST = 70_000

export interface Column {
  readonly key: string
  /** In the UI's language (connections:columns.label.<key>), read when drawn. */
  readonly label: string
  /** The width it starts at, in CSS pixels. */
  readonly width: number
  /** Until the user sizes it, it also takes this share of spare room (CSS fr). */
  readonly grow?: number
  /** `now` is for columns that age (Age); the rest ignore it. */
  readonly text: (r: TableRow, now: number) => string
  /** The cell's tooltip where the text rounds (bytes) or is relative (age). Else the text. */
  readonly tip?: (r: TableRow) => string
  readonly sort: (r: TableRow) => string | number
  readonly numeric?: boolean
  /** Said on hover over the header, where the label alone could mislead. */
  readonly title?: string
}

/** A column as defined below: its words are looked up by key (`titled`: it has a title). */
type ColumnDef = Omit<Column, 'label' | 'title'> & { readonly titled?: boolean }

const DEFS: readonly ColumnDef[] = [
  {
    key: 'proto',
    width: 60,
    text: (r) =>
      (r.protocol === 'tcp' || r.protocol === 'udp') && r.family === 'ipv6'
        ? `${r.protocol}6`
        : r.protocol,
    sort: (r) => r.protocol
  },
  {
    key: 'local',
    width: 170,
    grow: 1.4,
    text: localText,
    // By port; Unix sockets (no port) after every TCP and UDP socket.
    sort: (r) => r.localPort ?? UNIX_LAST
  },
  {
    key: 'remote',
    width: 150,
    grow: 1.2,
    text: remoteText,
    sort: (r) => r.remotePort ?? -1
  },
  {
    key: 'state',
    width: 100,
    text: (r) => r.state ?? '—',
    sort: (r) => r.state ?? ''
  },
  {
    key: 'pid',
    width: 70,
    numeric: true,
    text: (r) => r.owners.map((o) => o.pid).join(', '),
    sort: (r) => r.owners[0]?.pid ?? -1
  },
  {
    key: 'process',
    width: 100,
    grow: 1,
    // An orphan (TIME_WAIT) says who left it: "left by node (pid 812), closed 14 s ago".
    text: (r, now) => {
      const left = leftByWords(r, now)
      return left ?? [...new Set(r.owners.map((o) => o.process ?? '?'))].join(', ')
    },
    sort: (r) => r.owners[0]?.process ?? ''
  },
  {
    key: 'fd',
    width: 50,
    numeric: true,
    text: (r) => r.owners.map((o) => o.fd ?? '—').join(', '),
    sort: (r) => r.owners[0]?.fd ?? -1
  },
  {
    key: 'sendq',
    width: 70,
    numeric: true,
    text: (r) => formatCount(r.sendQueue),
    sort: (r) => r.sendQueue ?? -1
  },
  {
    key: 'recvq',
    width: 70,
    numeric: true,
    text: (r) => formatCount(r.recvQueue),
    sort: (r) => r.recvQueue ?? -1
  },
  {
    key: 'bytes',
    width: 140,
    titled: true,
    numeric: true,
    text: (r) =>
      r.tcpInfo
        ? `${formatBytes(r.tcpInfo.bytesSent)} / ${formatBytes(r.tcpInfo.bytesReceived)}`
        : '—',
    tip: (r) =>
      r.tcpInfo
        ? i18n.t('connections:columns.bytesTip', {
            sent: exactBytes(r.tcpInfo.bytesSent),
            received: exactBytes(r.tcpInfo.bytesReceived)
          })
        : i18n.t('connections:columns.noBytes'),
    sort: (r) => r.tcpInfo?.bytesSent ?? -1
  },
  {
    key: 'age',
    width: 80,
    titled: true,
    numeric: true,
    text: (r, now) => formatDuration(now - r.firstSeen),
    tip: (r) => i18n.t('connections:columns.firstSeen', { time: formatClock(r.firstSeen) }),
    // Youngest first when ascending: the newest sockets are usually the interesting ones.
    sort: (r) => -r.firstSeen
  }
]

/** The columns, their label and title in the language of the moment they are read. */
export const COLUMNS: readonly Column[] = DEFS.map(({ titled, ...def }) => ({
  ...def,
  get label(): string {
    return i18n.t(`connections:columns.label.${def.key}`)
  },
  get title(): string | undefined {
    return titled ? i18n.t(`connections:columns.title.${def.key}`) : undefined
  }
}))

export const COLUMN_BY_KEY: ReadonlyMap<string, Column> = new Map(COLUMNS.map((c) => [c.key, c]))

export interface ColumnLayout {
  /** The shown columns, in the user's order. */
  readonly columns: readonly Column[]
  /** grid-template-columns for the header and every row. */
  readonly template: string
  /** Below this the columns would crush each other: the grid scrolls sideways instead. */
  readonly minWidth: number
}

type LayoutSettings = Pick<ConnectionsSettings, 'columnOrder' | 'columnWidths' | 'hiddenColumns'>

/** Every column in the user's order: the listed ones first, any others where they were. */
export function orderedColumns(order: readonly string[]): Column[] {
  const listed = order.flatMap((k) => COLUMN_BY_KEY.get(k) ?? [])
  const rest = COLUMNS.filter((c) => !order.includes(c.key))
  return [...new Set([...listed, ...rest])]
}

export function widthOf(c: Column, widths: Readonly<Record<string, number>>): number {
  const { min, max } = CONNECTIONS_LIMITS.columnWidthPx
  return Math.min(max, Math.max(min, widths[c.key] ?? c.width))
}

export function layoutColumns(s: LayoutSettings): ColumnLayout {
  const hidden = new Set(s.hiddenColumns)
  const shown = orderedColumns(s.columnOrder).filter((c) => !hidden.has(c.key))
  // Never none: a table without columns cannot be got back from its own header.
  const columns = shown.length > 0 ? shown : [COLUMNS[1]!]
  const tracks = columns.map((c) => {
    const w = widthOf(c, s.columnWidths)
    // A column the user sized keeps that size; the others share what room is left.
    return c.grow && s.columnWidths[c.key] === undefined ? `minmax(${w}px, ${c.grow}fr)` : `${w}px`
  })
  const GAP = 10
  const PAD = 20
  const minWidth =
    columns.reduce((n, c) => n + widthOf(c, s.columnWidths), 0) + GAP * (columns.length - 1) + PAD
  return { columns, template: tracks.join(' '), minWidth }
}

/** "left by node (pid 812), closed 14 s ago", in the UI's language. */
function leftByWords(r: TableRow, now: number): string | null {
  const o = r.leftBy?.owners[0]
  if (!r.leftBy || r.owners.length > 0 || !o) return null
  return i18n.t('connections:columns.leftBy', {
    process: o.process ?? '?',
    pid: o.pid,
    secs: Math.max(0, Math.round((now - r.leftBy.at) / 1000))
  })
}
