// Pure parser of lsof's field output (`lsof -nP -F …`), the form made to be parsed: text
// (one field per line) or -F0 (NUL after each field, a newline after each set). macOS prints
// f lines even when not asked and may print no T lines; some captures have no f lines, so
// a file set also starts when a field repeats. Each process holding a socket is listed
// again; records are merged into one row, owners joined, only when they carry the socket's
// identity (i: inode on Linux, d: kernel address on macOS). Equal addresses are not enough:
// every process's unconnected UDP socket reads "*:*".
import type { AddressFamily, SocketOwner, SocketProtocol, SocketRow } from '../../shared/model'
import { familyOf, makeRow, splitHostPort } from './row'
import { normalizeState } from './states'

interface FileSet {
  readonly fields: Map<string, string>
  /** T fields: ST=LISTEN, QR=0, QS=0 … */
  readonly t: Map<string, string>
}

interface Proc {
  pid: number
  command: string | null
}

function* records(input: string | Uint8Array): Generator<{ proc: Proc; file: FileSet }> {
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input)
  // -F0 ends fields with NUL; turn both forms into one field per line.
  const lines = text.includes('\0') ? text.replace(/\0\n?/g, '\n').split('\n') : text.split('\n')
  let proc: Proc | null = null
  let file: FileSet | null = null
  const flush = function* (): Generator<{ proc: Proc; file: FileSet }> {
    if (proc && file && file.fields.size + file.t.size > 0) yield { proc, file }
    file = null
  }
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '')
    if (!line) continue
    const tag = line[0]!
    const value = line.slice(1)
    if (tag === 'p') {
      yield* flush()
      proc = { pid: Number(value), command: null }
      continue
    }
    if (!proc) continue
    if (tag === 'c' && !file) {
      proc.command = value
      continue
    }
    if ('gRLu'.includes(tag) && !file) continue
    if (tag === 'T') {
      const eq = value.indexOf('=')
      file ??= { fields: new Map(), t: new Map() }
      if (file.t.has(value.slice(0, eq))) {
        yield* flush()
        file = { fields: new Map(), t: new Map() }
      }
      file.t.set(value.slice(0, eq), value.slice(eq + 1))
      continue
    }
    if (tag === 'f' || !file || file.fields.has(tag) || file.t.size > 0) {
      yield* flush()
      file = { fields: new Map(), t: new Map() }
    }
    file.fields.set(tag, value)
  }
  yield* flush()
}

function rowOf(proc: Proc, file: FileSet): SocketRow | null {
  const type = file.fields.get('t')
  const name = file.fields.get('n') ?? ''
  const fdText = file.fields.get('f')
  const owner: SocketOwner = {
    pid: proc.pid,
    process: proc.command,
    fd: fdText !== undefined && /^\d+$/.test(fdText) ? Number(fdText) : null
  }
  const queue = (k: string): number | null => (file.t.has(k) ? Number(file.t.get(k)) : null)
  const inodeText = file.fields.get('i')
  const inode = inodeText && /^\d+$/.test(inodeText) ? Number(inodeText) : null
  const device = file.fields.get('d')
  const identity = inode === null && device && /^0x[0-9a-f]+$/i.test(device) ? device : null
  if (type === 'unix') {
    const path = name.replace(/\s*type=\S+$/, '')
    const unixType = /type=(\w+)/.exec(name)?.[1]?.toLowerCase()
    const st = file.t.get('ST')
    return makeRow({
      protocol: 'unix',
      family: 'unix',
      unixType:
        unixType === 'stream' || unixType === 'dgram' || unixType === 'seqpacket' ? unixType : null,
      // macOS names an unnamed socket by its kernel address ("->0x…"); that is not a path.
      localAddress: path.startsWith('->') || path.startsWith('0x') ? '' : path,
      localPort: null,
      remoteAddress: null,
      remotePort: null,
      state:
        st === 'CONNECTED' ? 'ESTABLISHED' : st === 'UNCONNECTED' ? 'UNCONN' : normalizeState(st),
      sendQueue: queue('QS'),
      recvQueue: queue('QR'),
      inode,
      identity,
      owners: [owner]
    })
  }
  const proto = file.fields.get('P')
  if (proto !== 'TCP' && proto !== 'UDP') return null
  if (type !== undefined && type !== 'IPv4' && type !== 'IPv6') return null
  const protocol: SocketProtocol = proto === 'TCP' ? 'tcp' : 'udp'
  const [localText, remoteText] = name.split('->')
  const local = splitHostPort(localText ?? '')
  const remote = remoteText ? splitHostPort(remoteText) : null
  // Without a t field (not asked for) the address tells the family; a bare "*" reads as IPv4.
  const family: AddressFamily =
    type === 'IPv6' ? 'ipv6' : type === 'IPv4' ? 'ipv4' : familyOf(remote?.address ?? local.address)
  // lsof prints a UDP socket without a peer with no state; the kernel calls that UNCONN.
  const state =
    normalizeState(file.t.get('ST')) ?? (protocol === 'udp' && !remote ? 'UNCONN' : null)
  return makeRow({
    protocol,
    family,
    localAddress: local.address,
    localPort: local.port,
    remoteAddress: remote && remote.port !== null ? remote.address : null,
    remotePort: remote?.port ?? null,
    state,
    sendQueue: queue('QS'),
    recvQueue: queue('QR'),
    inode,
    identity,
    owners: [owner]
  })
}

export function parseLsof(input: string | Uint8Array): SocketRow[] {
  const rows: SocketRow[] = []
  /** Row index by socket identity, for records that carry one. */
  const byId = new Map<string, number>()
  for (const { proc, file } of records(input)) {
    const row = rowOf(proc, file)
    if (!row) continue
    const identified = row.inode !== null || file.fields.get('d')?.startsWith('0x') === true
    const at = identified ? byId.get(row.id) : undefined
    if (at !== undefined) {
      rows[at] = { ...rows[at]!, owners: [...rows[at]!.owners, ...row.owners] }
      continue
    }
    if (identified) byId.set(row.id, rows.length)
    rows.push(row)
  }
  return rows
}
