// Service names for port numbers: the OS's services database (/etc/services, Windows'
// drivers\etc\services — the same "name port/proto aliases #comment" lines) with a small
// built-in list of well-known ports for when the file is missing. Pure: the core reads the
// file, the renderer gets the table through a command, and the filter uses it for `port:ssh`.

export type ServiceProtocol = 'tcp' | 'udp'

/** One "name port/proto" entry, as the services file has it. */
export interface ServiceEntry {
  readonly name: string
  readonly port: number
  readonly protocol: ServiceProtocol
  readonly aliases: readonly string[]
}

/**
 * Well-known ports every developer meets, for machines without a services file. Names as
 * IANA (and so /etc/services) spells them.
 */
export const BUILTIN_SERVICES: readonly ServiceEntry[] = (
  [
    ['ftp', 21, ['tcp']],
    ['ssh', 22, ['tcp']],
    ['telnet', 23, ['tcp']],
    ['smtp', 25, ['tcp']],
    ['domain', 53, ['tcp', 'udp']],
    ['bootps', 67, ['udp']],
    ['bootpc', 68, ['udp']],
    ['http', 80, ['tcp']],
    ['pop3', 110, ['tcp']],
    ['ntp', 123, ['udp']],
    ['imap', 143, ['tcp']],
    ['snmp', 161, ['udp']],
    ['ldap', 389, ['tcp']],
    ['https', 443, ['tcp', 'udp']],
    ['microsoft-ds', 445, ['tcp']],
    ['submission', 587, ['tcp']],
    ['ipp', 631, ['tcp']],
    ['imaps', 993, ['tcp']],
    ['pop3s', 995, ['tcp']],
    ['openvpn', 1194, ['tcp', 'udp']],
    ['ms-sql-s', 1433, ['tcp']],
    ['mqtt', 1883, ['tcp']],
    ['nfs', 2049, ['tcp', 'udp']],
    ['mysql', 3306, ['tcp']],
    ['ms-wbt-server', 3389, ['tcp']],
    ['mdns', 5353, ['udp']],
    ['postgresql', 5432, ['tcp']],
    ['amqp', 5672, ['tcp']],
    ['x11', 6000, ['tcp']],
    ['redis', 6379, ['tcp']],
    ['http-alt', 8080, ['tcp']],
    ['mongodb', 27017, ['tcp']]
  ] as const
).flatMap(([name, port, protocols]) =>
  protocols.map((protocol) => ({ name, port, protocol, aliases: [] as string[] }))
)

/** Parses a services file (either OS's; CRLF or LF). Lines it cannot read are skipped. */
export function parseServices(text: string): ServiceEntry[] {
  const entries: ServiceEntry[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim()
    if (!line) continue
    const [name, portProto, ...aliases] = line.split(/\s+/)
    const m = /^(\d{1,5})\/(tcp|udp)$/i.exec(portProto ?? '')
    if (!name || !m) continue
    const port = Number(m[1])
    if (port > 65535) continue
    entries.push({ name, port, protocol: m[2]!.toLowerCase() as ServiceProtocol, aliases })
  }
  return entries
}

/** Port → name and name → ports, for one set of entries. */
export class ServiceNames {
  private readonly byPort = new Map<string, string>()
  private readonly byName = new Map<string, Set<number>>()

  constructor(readonly entries: readonly ServiceEntry[]) {
    for (const e of entries) {
      // The first entry for a port wins, as getservbyport does.
      const key = `${e.protocol}/${e.port}`
      if (!this.byPort.has(key)) this.byPort.set(key, e.name)
      for (const n of [e.name, ...e.aliases]) {
        const ports = this.byName.get(n.toLowerCase()) ?? new Set<number>()
        ports.add(e.port)
        this.byName.set(n.toLowerCase(), ports)
      }
    }
  }

  /** The service on this port, or null. Unix sockets have no port and no service. */
  name(port: number | null, protocol: string): string | null {
    if (port === null || port === 0) return null
    return this.byPort.get(`${protocol}/${port}`) ?? null
  }

  /** The ports a service name (or alias) stands for, any protocol; empty when unknown. */
  ports(name: string): readonly number[] {
    return [...(this.byName.get(name.toLowerCase()) ?? [])]
  }
}

export const BUILTIN_SERVICE_NAMES = new ServiceNames(BUILTIN_SERVICES)

/** The file's entries first, the built-in list behind them for ports the file lacks. */
export function withBuiltins(entries: readonly ServiceEntry[]): ServiceNames {
  return new ServiceNames([...entries, ...BUILTIN_SERVICES])
}
