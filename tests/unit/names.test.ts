// Service names from real services files (Debian's, Windows') and the built-in list; the
// filter's `port:ssh`; reverse lookups of loopback only (/etc/hosts), bounded and cached.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadServices } from '../../src/main/names/services-file'
import { MAX_IN_FLIGHT, ReverseDns } from '../../src/main/names/reverse-dns'
import { matches, parseFilter } from '../../src/shared/row-filter'
import { BUILTIN_SERVICE_NAMES, parseServices, ServiceNames } from '../../src/shared/service-names'
import { row as tableRow } from '../support/table-row'
import { waitFor } from '../support/net'

const fixture = (name: string): string =>
  readFileSync(join(__dirname, '../fixtures/names', name), 'utf8')

describe('services files', () => {
  it("reads Debian's /etc/services: names, protocols, aliases; comments skipped", () => {
    const entries = parseServices(fixture('debian-etc-services-head.txt'))
    const names = new ServiceNames(entries)
    expect(names.name(22, 'tcp')).toBe('ssh')
    expect(names.name(53, 'udp')).toBe('domain')
    expect(names.name(22, 'udp')).toBeNull()
    expect(names.ports('mail')).toEqual([25]) // smtp's alias
    expect(entries.some((e) => e.name.startsWith('#'))).toBe(false)
  })

  it("reads Windows' drivers\\etc\\services with its CRLFs and # comments", () => {
    const text = fixture('windows-services-head.txt')
    expect(text).toContain('\r\n')
    const names = new ServiceNames(parseServices(text))
    expect(names.name(80, 'tcp')).toBe('http')
    expect(names.ports('www-http')).toEqual([80])
    expect(names.name(67, 'udp')).toBe('bootps')
    expect(names.name(113, 'tcp')).toBe('auth')
    expect(names.ports('ident')).toEqual([113])
  })

  it('falls back to the built-in list when the file is missing, and says so', async () => {
    const db = await loadServices(join(__dirname, '../fixtures/names/no-such-services'))
    expect(db.path).toBeNull()
    expect(db.problem).toMatch(/could not be read.*built-in list/)
    expect(db.names.name(5432, 'tcp')).toBe('postgresql')
    expect(BUILTIN_SERVICE_NAMES.name(443, 'tcp')).toBe('https')
  })

  it('reads this machine’s services file, the built-in list behind it', async () => {
    const db = await loadServices('/etc/services')
    expect(db.fromFile).toBeGreaterThan(0)
    expect(db.names.name(22, 'tcp')).toBe('ssh')
    // 6379 (redis) is in the built-in list whether or not the file has it.
    expect(db.names.name(6379, 'tcp')).toBe('redis')
  })
})

describe('the filter names services', () => {
  const ssh = tableRow({ localPort: 22, state: 'LISTEN' })
  const web = tableRow({ localPort: 43210, remotePort: 80, state: 'ESTABLISHED' })

  it('port:ssh keeps port 22, from the built-in list or a services file', () => {
    expect(matches(ssh, parseFilter('port:ssh'))).toBe(true)
    expect(matches(web, parseFilter('port:ssh'))).toBe(false)
    expect(matches(web, parseFilter('port:http'))).toBe(true) // the remote port
    const windows = new ServiceNames(parseServices(fixture('windows-services-head.txt')))
    expect(matches(web, parseFilter('port:www', windows))).toBe(true)
  })

  it('an unknown name is not a port (the filter treats it as text)', () => {
    expect(parseFilter('port:nosuchservice')[0]?.kind).not.toBe('service')
  })
})

describe('reverse lookups', () => {
  it('resolves 127.0.0.1 to localhost from /etc/hosts, answering from the cache', async () => {
    const dns = new ReverseDns()
    dns.setEnabled(true)
    expect(dns.names(['127.0.0.1'])).toEqual({ '127.0.0.1': null }) // asked, not yet known
    await waitFor(() => dns.names(['127.0.0.1'])['127.0.0.1'] !== null, 'the lookup answered')
    expect(dns.names(['127.0.0.1'])['127.0.0.1']).toBe('localhost')
    expect(dns.status().inFlight).toBe(0)
  })

  it('looks nothing up while switched off', () => {
    let asked = 0
    const dns = new ReverseDns(async () => {
      asked++
      return 'x'
    })
    expect(dns.names(['127.0.0.1'])).toEqual({ '127.0.0.1': null })
    expect(asked).toBe(0)
  })

  it('runs at most MAX_IN_FLIGHT lookups at once, and a failed one shows the address', async () => {
    const pending: Array<(name: string) => void> = []
    const fails: Array<(err: Error) => void> = []
    const dns = new ReverseDns(
      (address) =>
        new Promise<string>((resolve, reject) => {
          if (address === '127.0.0.9') fails.push(reject)
          else pending.push(resolve)
        })
    )
    dns.setEnabled(true)
    dns.names(['127.0.0.9', '127.0.0.2', '127.0.0.3', '127.0.0.4'])
    expect(dns.status().inFlight).toBe(MAX_IN_FLIGHT)
    expect(dns.status().queued).toBe(4 - MAX_IN_FLIGHT)
    fails[0]!(new Error('ENOTFOUND'))
    await waitFor(() => dns.status().queued <= 1, 'the failed lookup making room')
    expect(dns.names(['127.0.0.9'])['127.0.0.9']).toBeNull()
    expect(dns.status().inFlight).toBe(MAX_IN_FLIGHT)
  })
})
