// The connection table's filter box: free words match any column; `port:80`, `pid:123`,
// `state:listen`, `proc:node`, `proto:udp` match one field; `mine` keeps the app's own
// sockets. Terms are ANDed. Pure and shared: the renderer filters with it, tests check it.
import type { TableRow } from './model'
import { BUILTIN_SERVICE_NAMES } from './service-names'
import type { ServiceNames } from './service-names'

export type FilterTerm =
  | { readonly kind: 'port'; readonly value: number }
  /** `port:ssh`: a service name, with the ports it stands for. */
  | { readonly kind: 'service'; readonly value: string; readonly ports: readonly number[] }
  | { readonly kind: 'pid'; readonly value: number }
  | { readonly kind: 'state'; readonly value: string }
  | { readonly kind: 'proc'; readonly value: string }
  | { readonly kind: 'proto'; readonly value: string }
  | { readonly kind: 'mine' }
  | { readonly kind: 'text'; readonly value: string }

const STATE_ALIASES: Readonly<Record<string, string>> = {
  estab: 'ESTABLISHED',
  established: 'ESTABLISHED',
  listen: 'LISTEN',
  listening: 'LISTEN',
  timewait: 'TIME_WAIT',
  'time-wait': 'TIME_WAIT',
  closewait: 'CLOSE_WAIT',
  'close-wait': 'CLOSE_WAIT'
}

export function parseFilter(
  text: string,
  services: ServiceNames = BUILTIN_SERVICE_NAMES
): FilterTerm[] {
  const terms: FilterTerm[] = []
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const m = /^(port|pid|state|proc|proto):(.+)$/i.exec(word)
    const key = m?.[1]?.toLowerCase()
    const value = m?.[2] ?? ''
    if (word.toLowerCase() === 'mine') terms.push({ kind: 'mine' })
    else if ((key === 'port' || key === 'pid') && /^\d+$/.test(value))
      terms.push({ kind: key, value: Number(value) })
    else if (key === 'port' && services.ports(value).length > 0)
      terms.push({ kind: 'service', value: value.toLowerCase(), ports: services.ports(value) })
    else if (key === 'state')
      terms.push({
        kind: 'state',
        value: STATE_ALIASES[value.toLowerCase()] ?? value.toUpperCase().replace(/-/g, '_')
      })
    else if (key === 'proc' || key === 'proto')
      terms.push({ kind: key, value: value.toLowerCase() })
    else terms.push({ kind: 'text', value: word.toLowerCase() })
  }
  return terms
}

function haystack(r: TableRow): string {
  return [
    r.protocol,
    r.localAddress,
    r.localPort,
    r.remoteAddress,
    r.remotePort,
    r.state,
    ...r.owners.flatMap((o) => [o.pid, o.process, o.fd])
  ]
    .filter((v) => v !== null && v !== undefined)
    .join(' ')
    .toLowerCase()
}

export function matches(r: TableRow, terms: readonly FilterTerm[]): boolean {
  return terms.every((t) => {
    switch (t.kind) {
      case 'port':
        return r.localPort === t.value || r.remotePort === t.value
      case 'service':
        return (
          (r.localPort !== null && t.ports.includes(r.localPort)) ||
          (r.remotePort !== null && t.ports.includes(r.remotePort))
        )
      case 'pid':
        return r.owners.some((o) => o.pid === t.value)
      case 'state':
        return r.state === t.value
      case 'proc':
        return r.owners.some((o) => o.process?.toLowerCase().includes(t.value) ?? false)
      case 'proto':
        return (
          r.protocol === t.value || `${r.protocol}${r.family === 'ipv6' ? '6' : ''}` === t.value
        )
      case 'mine':
        return r.sessionId !== null || r.listenerId !== null
      case 'text':
        return haystack(r).includes(t.value)
    }
  })
}
