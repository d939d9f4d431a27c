// Every parser against every fixture of its format (real captures, tests/fixtures/SOURCES.md):
// row counts as SOURCES.md gives them, and several fields per file. The Linux scenario was
// captured by all sources at one moment, so they are also checked against each other.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseLsof } from '../../src/main/conntable/parse-lsof'
import {
  parseNetstatLinux,
  parseNetstatMac,
  parseNetstatWindows,
  parseTasklistCsv
} from '../../src/main/conntable/parse-netstat'
import { procInetRows, procUnixRows } from '../../src/main/conntable/parse-procfs'
import { parseSs } from '../../src/main/conntable/parse-ss'
import { normalizeState } from '../../src/main/conntable/states'
import type { SocketRow } from '../../src/shared/model'

const dir = resolve(__dirname, '../fixtures')
const text = (name: string): string => readFileSync(resolve(dir, name), 'utf8')
const bytes = (name: string): Buffer => readFileSync(resolve(dir, name))
const scenario = (name: string): string => text(`linux-scenario/${name}`)
const SCENARIO_PID = Number(/\d+/.exec(scenario('linux-scenario.txt'))![0])
const key = (r: SocketRow): string =>
  `${r.protocol} ${r.localAddress}:${r.localPort} ${r.remoteAddress ?? '-'}:${r.remotePort ?? '-'} ${r.state}`

describe('ss', () => {
  it('ss -tuxanpiOH (scenario): 16 rows, unix paths and inodes, TCP_INFO bytes, owners with fds', () => {
    const rows = parseSs(scenario('linux-ss-tuxanpiOH.txt'))
    expect(rows).toHaveLength(16)
    const listener = rows.find((r) => r.protocol === 'unix' && r.state === 'LISTEN')!
    expect(listener).toMatchObject({
      localAddress: '/tmp/si-fixture/echo.sock',
      inode: 246511,
      unixType: 'stream'
    })
    expect(listener.owners).toEqual([{ process: 'node', pid: SCENARIO_PID, fd: 19 }])
    const pair = rows.find((r) => r.inode === 246588)!
    expect(pair.peerInode).toBe(246581)
    const established = rows.filter((r) => r.protocol === 'tcp' && r.state === 'ESTABLISHED')
    expect(established.length).toBeGreaterThan(0)
    expect(established.every((r) => r.tcpInfo !== null && r.tcpInfo.bytesAcked !== null)).toBe(true)
    expect(rows.find((r) => r.protocol === 'udp' && r.localPort === 47103)).toMatchObject({
      state: 'UNCONN',
      remoteAddress: null
    })
  })

  it('ss -tanpioOH (scenario): 21 TCP rows with TIME_WAIT timers', () => {
    const rows = parseSs(scenario('linux-ss-tanpioOH.txt'), 'tcp')
    expect(rows).toHaveLength(21)
    const tw = rows.filter((r) => r.state === 'TIME_WAIT')
    expect(tw.length).toBeGreaterThan(0)
    expect(tw[0]!.timer).toMatch(/^timewait,\d+sec,0$/)
    expect(tw.every((r) => r.owners.length === 0)).toBe(true)
  })

  it('ss -tulpen (Ubuntu 18): 73 rows; seven apache owners on one socket; uid and inode', () => {
    const rows = parseSs(text('linux-ss-tulpen-ubuntu18.txt'))
    expect(rows).toHaveLength(73)
    expect(Math.max(...rows.map((r) => r.owners.length))).toBe(7)
    expect(rows.find((r) => r.owners.some((o) => o.process === 'avahi-daemon'))).toMatchObject({
      uid: 112,
      inode: 25147
    })
    // "127.0.0.53%lo:53": the interface is not part of the address.
    expect(rows.some((r) => r.localAddress === '127.0.0.53' && r.localPort === 53)).toBe(true)
  })

  it('wide ss with cgroups and a glued header: 155 rows, 29 tcp and 126 udp', () => {
    const rows = parseSs(text('linux-ss-wide.txt'))
    expect(rows).toHaveLength(155)
    expect(rows.filter((r) => r.protocol === 'tcp')).toHaveLength(29)
    expect(rows.find((r) => r.owners.length === 2)!.owners.map((o) => o.process)).toEqual([
      'rpcbind',
      'systemd'
    ])
  })
})

describe('lsof -F', () => {
  it('Linux scenario -i: one row per socket record, with fd, state and queues', () => {
    const rows = parseLsof(scenario('linux-lsof-F-pcfnPtTs-i.txt'))
    expect(rows).toHaveLength((scenario('linux-lsof-F-pcfnPtTs-i.txt').match(/^f/gm) ?? []).length)
    expect(rows.find((r) => r.localPort === 47101 && r.state === 'LISTEN')).toMatchObject({
      protocol: 'tcp',
      family: 'ipv4',
      owners: [{ pid: SCENARIO_PID, process: 'node', fd: 20 }],
      sendQueue: 0,
      recvQueue: 0
    })
  })

  it('Linux scenario -U: three unix sockets, the listener named by its path', () => {
    const rows = parseLsof(scenario('linux-lsof-F-pcfnPtTs-U.txt'))
    expect(rows.map((r) => [r.localAddress, r.state, r.owners[0]!.fd])).toEqual([
      ['/tmp/si-fixture/echo.sock', 'LISTEN', 19],
      ['', 'ESTABLISHED', 24],
      ['/tmp/si-fixture/echo.sock', 'ESTABLISHED', 31]
    ])
  })

  it('Linux without t or f lines: 12 sockets, bracketed IPv6', () => {
    const rows = parseLsof(text('linux-lsof-F-ipv6.txt'))
    expect(rows).toHaveLength(12)
    expect(rows.some((r) => r.family === 'ipv6' && r.remotePort === 443)).toBe(true)
  })

  it('-F0 (NUL-terminated fields): 5 process sets, IPv4 and IPv6', () => {
    const rows = parseLsof(bytes('linux-lsof-F0-ipv6.bin'))
    expect(new Set(rows.flatMap((r) => r.owners.map((o) => o.pid))).size).toBe(5)
    expect(rows[0]).toMatchObject({
      protocol: 'udp',
      family: 'ipv6',
      localAddress: '*',
      localPort: 1716,
      owners: [{ process: 'kdeconnectd' }]
    })
    expect(rows.some((r) => r.state === 'LISTEN')).toBe(true)
  })

  it('macOS (f lines unasked, no T lines): 108 sockets of 31 processes; names with spaces; no state invented', () => {
    const rows = parseLsof(text('macos-lsof-F-cPnpLT.txt'))
    expect(rows).toHaveLength(108)
    expect(new Set(rows.map((r) => r.owners[0]!.pid)).size).toBe(31)
    expect(rows.some((r) => r.owners[0]!.process === 'iStat Menus Status')).toBe(true)
    expect(rows.filter((r) => r.protocol === 'tcp').every((r) => r.state === null)).toBe(true)
    expect(
      rows.find((r) => r.localAddress === '192.168.0.14' && r.localPort === 65486)
    ).toMatchObject({
      protocol: 'udp',
      remoteAddress: '142.251.12.95',
      remotePort: 443
    })
  })
})

describe('netstat', () => {
  it('Linux -tuanp (scenario): every row, PID/program split, UDP without a state column', () => {
    const t = scenario('linux-netstat-tuanp.txt')
    const rows = parseNetstatLinux(t)
    expect(rows).toHaveLength(t.split('\n').filter((l) => /^(tcp|udp)/.test(l)).length)
    expect(rows.find((r) => r.localPort === 47102 && r.state === 'LISTEN')).toMatchObject({
      family: 'ipv6',
      localAddress: '::1',
      remoteAddress: null,
      owners: [{ pid: SCENARIO_PID, process: 'node', fd: null }]
    })
    expect(rows.find((r) => r.state === 'TIME_WAIT')!.owners).toEqual([])
    expect(rows.find((r) => r.protocol === 'udp' && r.localPort === 47103)!.state).toBe('UNCONN')
  })

  it.each([
    ['macos-netstat-anv-p-tcp-old.txt', 5, { pid: 422, process: null }],
    ['macos-netstat-anv-grep-LISTEN-2.txt', 21, { pid: 26008, process: null }],
    ['macos-netstat-anv-p-tcp-bigsur-era-partial.txt', 1, { pid: 10521, process: null }],
    ['macos-netstat-natvln-15.1-partial.txt', 4, { pid: 2903, process: null }],
    ['macos-netstat-anv-tahoe-partial.txt', 2, { pid: 22712, process: 'Autodesk Fusion' }]
  ])('macOS %s: %i rows; the pid wherever that release puts it', (file, count, owner) => {
    const rows = parseNetstatMac(text(file))
    expect(rows).toHaveLength(count)
    expect(rows[0]!.owners[0]).toEqual({ ...owner, fd: null })
  })

  it('macOS rx/tx byte columns become byte counters; truncated IPv6 stays as printed', () => {
    expect(parseNetstatMac(text('macos-netstat-anv-tahoe-partial.txt'))[0]!.tcpInfo).toEqual({
      bytesReceived: 118268,
      bytesSent: 40208,
      bytesAcked: null,
      rttMs: null
    })
    const listen = parseNetstatMac(text('macos-netstat-anv-grep-LISTEN-2.txt'))
    expect(listen.some((r) => r.localAddress === 'fe80::aede:48ff:' && r.localPort === 49159)).toBe(
      true
    )
    expect(
      listen.some((r) => r.family === 'ipv6' && r.localAddress === '::1' && r.localPort === 631)
    ).toBe(true)
  })

  it('macOS -An: 137 internet rows, then stops at the unix section; no pid column, no owners', () => {
    const rows = parseNetstatMac(text('macos-netstat-An-10.14.6.txt'))
    expect(rows).toHaveLength(137)
    expect(rows.every((r) => r.owners.length === 0)).toBe(true)
  })

  it('Windows -ano: 71 TCP + 137 UDP; zone ids dropped; names joined from tasklist', () => {
    const names = parseTasklistCsv(text('windows-tasklist-fo-csv.txt'))
    expect(names.size).toBe(10)
    expect(names.get(4)).toBe('System')
    const rows = parseNetstatWindows(text('windows-netstat-ano.txt'), names)
    expect(rows.filter((r) => r.protocol === 'tcp')).toHaveLength(71)
    expect(rows.filter((r) => r.protocol === 'udp')).toHaveLength(137)
    expect(rows.find((r) => r.localAddress === 'fe80::244e:2f1e:2096:62b2')).toMatchObject({
      localPort: 1900,
      family: 'ipv6',
      state: 'UNCONN'
    })
    expect(rows.find((r) => r.owners[0]?.pid === 4)?.owners[0]?.process).toBe('System')
  })

  it('German Windows -an (no PID column): 92 TCP + 6 UDP; ABH™REN (CP850 mojibake) is LISTEN', () => {
    const rows = parseNetstatWindows(text('windows-netstat-an-de.txt'))
    expect(rows).toHaveLength(98)
    expect(rows.filter((r) => r.protocol === 'udp')).toHaveLength(6)
    const states = new Set(rows.map((r) => r.state))
    expect([...states].sort()).toEqual([
      'CLOSE_WAIT',
      'ESTABLISHED',
      'FIN_WAIT2',
      'LISTEN',
      'TIME_WAIT',
      'UNCONN'
    ])
    expect(rows.every((r) => r.owners.length === 0)).toBe(true)
  })

  it('Chinese Windows -ano -p TCP: localized headers, English states, 15 rows', () => {
    const rows = parseNetstatWindows(text('windows-netstat-ano-p-tcp-zh.txt'))
    expect(rows).toHaveLength(15)
    expect(rows[0]).toMatchObject({ localPort: 80, state: 'LISTEN', owners: [{ pid: 2288 }] })
  })
})

describe('one scenario, every Linux source', () => {
  const proc = [
    ...procInetRows(scenario('linux-proc-net-tcp.txt'), 'tcp', 'ipv4'),
    ...procInetRows(scenario('linux-proc-net-tcp6.txt'), 'tcp', 'ipv6'),
    ...procInetRows(scenario('linux-proc-net-udp.txt'), 'udp', 'ipv4'),
    ...procInetRows(scenario('linux-proc-net-udp6.txt'), 'udp', 'ipv6')
  ]

  it('procfs and ss agree on every scenario TCP/UDP socket (addresses and state)', () => {
    const ss = parseSs(scenario('linux-ss-tuxanpiOH.txt')).filter((r) => r.protocol !== 'unix')
    const procKeys = new Set(proc.map(key))
    for (const row of ss.filter(
      (r) => r.localPort !== null && r.localPort >= 47101 && r.localPort <= 47104
    )) {
      expect(procKeys.has(key(row)), key(row)).toBe(true)
    }
  })

  it('procfs unix rows carry the inodes ss and /proc/PID/fd name', () => {
    const unix = procUnixRows(scenario('linux-proc-net-unix.txt'))
    expect(unix.map((r) => [r.inode, r.state])).toEqual([
      [246511, 'LISTEN'],
      [246588, 'ESTABLISHED'],
      [246581, 'ESTABLISHED']
    ])
    const fdInodes = [...scenario('linux-proc-PID-fd.txt').matchAll(/socket:\[(\d+)\]/g)].map((m) =>
      Number(m[1])
    )
    for (const r of unix) expect(fdInodes).toContain(r.inode)
  })

  it('lsof and ss give the same fd for the same TCP socket', () => {
    const ss = parseSs(scenario('linux-ss-tuxanpiOH.txt'))
    const lsof = parseLsof(scenario('linux-lsof-F-pcfnPtTs-i.txt'))
    const fdOf = (rows: SocketRow[]): Map<string, number | null> =>
      new Map(rows.map((r) => [key(r), r.owners[0]?.fd ?? null]))
    const ssFds = fdOf(ss)
    let compared = 0
    for (const [k, fd] of fdOf(lsof)) {
      if (!ssFds.has(k)) continue
      expect(ssFds.get(k), k).toBe(fd)
      compared++
    }
    expect(compared).toBeGreaterThanOrEqual(8)
  })
})

describe('state words', () => {
  it('map every source’s spelling to the kernel’s name and keep unknown words', () => {
    expect(['ESTAB', 'ESTABLISHED', 'HERGESTELLT', '(ESTABLISHED)'].map(normalizeState)).toEqual(
      Array(4).fill('ESTABLISHED')
    )
    expect(['TIME-WAIT', 'TIME_WAIT', 'WARTEND'].map(normalizeState)).toEqual(
      Array(3).fill('TIME_WAIT')
    )
    expect(['LISTENING', 'ABHÖREN', 'ABH™REN', 'LISTEN'].map(normalizeState)).toEqual(
      Array(4).fill('LISTEN')
    )
    expect(normalizeState('SYN_RCVD')).toBe('SYN_RECV')
    expect(normalizeState('weird')).toBe('WEIRD')
    expect(normalizeState('')).toBeNull()
  })
})
