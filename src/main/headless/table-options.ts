// The `table` command's option parsers. They run while commander parses argv, before any
// command's modules are loaded, so they import nothing heavy.
import { InvalidArgumentError } from 'commander'
import type { SocketProtocol, TableSourceId } from '../../shared/model'

export const PROTOCOLS: readonly SocketProtocol[] = ['tcp', 'udp', 'unix']
/** Whether this system has the source is the table command's to check (the registry is heavy). */
export function parseSource(value: string): TableSourceId {
  if (!/^[a-z]{1,16}$/.test(value)) {
    throw new InvalidArgumentError(`"${value.slice(0, 40)}" is not a source name.`)
  }
  return value as TableSourceId
}

export function parseProtocols(value: string): SocketProtocol[] {
  const list = value.split(',').map((p) => p.trim().toLowerCase())
  const bad = list.find((p) => !(PROTOCOLS as readonly string[]).includes(p))
  if (bad !== undefined) throw new InvalidArgumentError(`"${bad}" is not one of tcp, udp, unix.`)
  return list as SocketProtocol[]
}

export function parsePid(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError('a pid is a whole number.')
  return Number(value)
}

export function parseInterval(value: string): number {
  const ms = /^\d+$/.test(value) ? Number(value) : NaN
  if (!(ms >= 250 && ms <= 60_000))
    throw new InvalidArgumentError('the interval is 250 to 60000 ms.')
  return ms
}
