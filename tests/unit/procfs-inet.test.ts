import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeProcAddress, parseProcNetInet } from '../../src/main/conntable/procfs-inet'

const fixture = (name: string): string =>
  readFileSync(resolve(__dirname, '../fixtures/linux-scenario', name), 'utf8')

describe('/proc/net/{tcp,tcp6,udp} parser (real captures)', () => {
  it('decodes addresses the way the kernel stores them', () => {
    expect(decodeProcAddress('0100007F')).toBe('127.0.0.1')
    expect(decodeProcAddress('00000000')).toBe('0.0.0.0')
    expect(decodeProcAddress('00000000000000000000000001000000')).toBe('::1')
    expect(decodeProcAddress('00000000000000000000000000000000')).toBe('::')
    expect(decodeProcAddress('0000000000000000FFFF00000100007F')).toBe('::ffff:127.0.0.1')
  })

  it('reads every tcp row: the listener on 127.0.0.1:47101 and its TIME_WAITs', () => {
    const text = fixture('linux-proc-net-tcp.txt')
    const rows = parseProcNetInet(text, 'tcp', 'ipv4')
    expect(rows).toHaveLength(text.trim().split('\n').length - 1)
    const listener = rows.find((r) => r.state === 'LISTEN')!
    expect(listener).toMatchObject({
      localAddress: '127.0.0.1',
      localPort: 47101,
      remotePort: 0,
      inode: 246512,
      uid: 0
    })
    const timeWait = rows.filter((r) => r.state === 'TIME_WAIT')
    expect(timeWait.length).toBeGreaterThan(0)
    expect(timeWait.every((r) => r.inode === 0)).toBe(true)
  })

  it('reads tcp6 rows on [::1]:47102', () => {
    const rows = parseProcNetInet(fixture('linux-proc-net-tcp6.txt'), 'tcp', 'ipv6')
    expect(rows[0]).toMatchObject({
      localAddress: '::1',
      localPort: 47102,
      state: 'LISTEN',
      inode: 246513
    })
  })

  it('reads udp rows as UNCONN or ESTABLISHED', () => {
    const rows = parseProcNetInet(fixture('linux-proc-net-udp.txt'), 'udp', 'ipv4')
    expect(rows.find((r) => r.localPort === 47103)).toMatchObject({
      state: 'UNCONN',
      inode: 246514
    })
    expect(rows.every((r) => r.state === 'UNCONN' || r.state === 'ESTABLISHED')).toBe(true)
  })
})
