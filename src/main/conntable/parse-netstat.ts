// Pure parsers of netstat, in the three dialects the fixtures hold: Linux (`netstat -tuanp`),
// macOS (`netstat -anv` across releases, and `-An`) and Windows (`netstat -ano` / `-an`, with
// localized headers and state words), plus Windows `tasklist /fo csv` for process names.
import type { AddressFamily, SocketOwner, SocketRow, TcpInfo } from '../../shared/model'
import { familyOf, makeRow, splitHostPort } from './row'
import { normalizeState } from './states'

const noPeer = (p: { address: string; port: number | null }): boolean =>
  p.port === null ||
  (p.port === 0 && (p.address === '0.0.0.0' || p.address === '::' || p.address === '*'))

const udpState = (hasPeer: boolean): string => (hasPeer ? 'ESTABLISHED' : 'UNCONN')

// ── Linux ────────────────────────────────────────────────────────────────────────────────

export function parseNetstatLinux(text: string): SocketRow[] {
  const rows: SocketRow[] = []
  for (const line of text.split('\n')) {
    const t = line.trim().split(/\s+/)
    const proto = t[0]
    if (!proto || !/^(tcp|udp)6?$/.test(proto)) continue
    const udp = proto.startsWith('udp')
    const [, recvQ, sendQ, localText, remoteText] = t
    // UDP rows have no state column unless the socket is connected.
    const hasState = !udp || (t.length >= 7 && !/^(\d+\/|-$)/.test(t[5]!))
    const state = hasState ? t[5] : undefined
    const program = t[hasState ? 6 : 5]
    const local = splitHostPort(localText!)
    const remote = splitHostPort(remoteText!)
    const owner = /^(\d+)\/(.*)$/.exec(program ?? '')
    const peer = !noPeer(remote)
    rows.push(
      makeRow({
        protocol: udp ? 'udp' : 'tcp',
        family: proto.endsWith('6') ? 'ipv6' : 'ipv4',
        localAddress: local.address,
        localPort: local.port,
        remoteAddress: peer ? remote.address : null,
        remotePort: peer ? remote.port : null,
        state: udp ? (normalizeState(state) ?? udpState(peer)) : normalizeState(state),
        recvQueue: Number(recvQ),
        sendQueue: Number(sendQ),
        owners: owner ? [{ pid: Number(owner[1]), process: owner[2] || null, fd: null }] : []
      })
    )
  }
  return rows
}

// ── macOS ────────────────────────────────────────────────────────────────────────────────

const MAC_PROTO = /^(tcp|udp)(4|6|46)$/

/** "127.0.0.1.631", "*.*", "::1.631", "fe80::aede:48ff:.49159" (netstat truncates). */
function macEndpoint(text: string): { address: string; port: number | null } {
  const i = text.lastIndexOf('.')
  if (i < 0) return { address: text, port: null }
  const address = text.slice(0, i) || '*'
  const port = text.slice(i + 1)
  return { address, port: /^\d+$/.test(port) ? Number(port) : null }
}

const plainNumber = (s: string | undefined): boolean => s !== undefined && /^(0|[1-9]\d*)$/.test(s)

export function parseNetstatMac(text: string): SocketRow[] {
  const rows: SocketRow[] = []
  let header: string[] | null = null
  for (const line of text.split('\n')) {
    if (/^\s*(Socket\s+Flowhash\s+)?Proto\s/.test(line)) header = line.trim().split(/\s+/)
    const t = line.trim().split(/\s+/)
    // -An puts "Socket Flowhash" before Proto.
    const at = t.findIndex((x, i) => i <= 2 && MAC_PROTO.test(x))
    if (at < 0) continue
    const proto = MAC_PROTO.exec(t[at]!)!
    const udp = proto[1] === 'udp'
    const [recvQ, sendQ, localText, remoteText] = t.slice(at + 1, at + 5)
    let i = at + 5
    const stateWord = !udp || /^[A-Z_]+$/.test(t[i] ?? '') ? t[i] : undefined
    if (stateWord !== undefined && /^[A-Z_]+$/.test(stateWord)) i++
    // After the state: [rxbytes txbytes] rhiwat shiwat, then pid epid — or, on macOS 26,
    // "process name:pid" where the name may contain spaces.
    const run: number[] = []
    while (plainNumber(t[i])) run.push(Number(t[i++]))
    let owner: SocketOwner | null = null
    let bytes: TcpInfo | null = null
    const named = t.slice(i).join(' ')
    const tahoe = /^(.+?):(\d+)(?:\s|$)/.exec(named)
    const withBytes = header?.includes('rxbytes') ?? (tahoe ? run.length === 4 : run.length === 6)
    if (tahoe && run.length >= 2 && !/^0x/.test(t[i] ?? '')) {
      owner = { pid: Number(tahoe[2]), process: tahoe[1]!, fd: null }
    } else if (run.length >= 4) {
      owner = { pid: run[run.length - 2]!, process: null, fd: null }
    }
    if (withBytes && run.length >= 2) {
      bytes = { bytesReceived: run[0]!, bytesSent: run[1]!, bytesAcked: null, rttMs: null }
    }
    const local = macEndpoint(localText!)
    const remote = macEndpoint(remoteText!)
    const peer = !noPeer(remote) && remote.address !== '*'
    const family: AddressFamily = proto[2] === '4' ? 'ipv4' : 'ipv6'
    rows.push(
      makeRow({
        protocol: udp ? 'udp' : 'tcp',
        family,
        localAddress: local.address,
        localPort: local.port,
        remoteAddress: peer ? remote.address : null,
        remotePort: peer ? remote.port : null,
        state: udp ? udpState(peer) : normalizeState(stateWord),
        recvQueue: Number(recvQ),
        sendQueue: Number(sendQ),
        owners: owner ? [owner] : [],
        tcpInfo: udp ? null : bytes
      })
    )
  }
  return rows
}

// ── Windows ──────────────────────────────────────────────────────────────────────────────

export function parseNetstatWindows(
  text: string,
  names: ReadonlyMap<number, string> = new Map()
): SocketRow[] {
  const rows: SocketRow[] = []
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim().split(/\s+/)
    if (t[0] !== 'TCP' && t[0] !== 'UDP') continue
    const udp = t[0] === 'UDP'
    const local = splitHostPort(t[1]!)
    const remote = splitHostPort(t[2]!)
    const rest = t.slice(3)
    // TCP: state [pid]; UDP: [pid]. The state word may be localized (ABHÖREN, …).
    const stateWord = udp ? undefined : rest.shift()
    const pid = rest[0] !== undefined && /^\d+$/.test(rest[0]) ? Number(rest[0]) : null
    const address = local.address.replace(/%\d+$/, '')
    const peer = !noPeer(remote) && remote.address !== '*'
    rows.push(
      makeRow({
        protocol: udp ? 'udp' : 'tcp',
        family: familyOf(address),
        localAddress: address,
        localPort: local.port,
        remoteAddress: peer ? remote.address.replace(/%\d+$/, '') : null,
        remotePort: peer ? remote.port : null,
        state: udp ? udpState(peer) : normalizeState(stateWord),
        recvQueue: null,
        sendQueue: null,
        owners: pid === null ? [] : [{ pid, process: names.get(pid) ?? null, fd: null }]
      })
    )
  }
  return rows
}

/** `tasklist /fo csv [/nh]` → pid → image name. */
export function parseTasklistCsv(text: string): Map<number, string> {
  const names = new Map<number, string>()
  for (const line of text.split(/\r?\n/)) {
    const fields = [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'))
    const pid = fields[1]
    if (fields[0] && pid && /^\d+$/.test(pid)) names.set(Number(pid), fields[0])
  }
  return names
}
