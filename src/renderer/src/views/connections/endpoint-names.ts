// Endpoints as the table shows them, with names beside the numbers: the service beside a
// port ("127.0.0.1:22 (ssh)"), the host name beside a remote address when reverse lookups
// are on, and a Unix socket's peer process. The table's columns are plain functions of a
// row, so the names come from the app's stores, registered here once.
import { formatEndpoint } from '../../../../shared/endpoint'
import type { TableRow } from '../../../../shared/model'
import { i18n } from '../../i18n'
import type { NamesStore } from '../../store/names-store'
import type { TableStore } from '../../store/table-store'

let sources: { readonly names: NamesStore; readonly table: TableStore } | null = null

/** The App registers its stores; tests and benches without them get bare numbers. */
export function registerNameSources(names: NamesStore, table: TableStore): void {
  sources = { names, table }
}

function plain(address: string | null, port: number | null): string {
  return address === null
    ? '*'
    : address === ''
      ? i18n.t('connections:endpoint.unnamed')
      : formatEndpoint({ address, port })
}

export function ownerText(r: TableRow): string {
  const o = r.owners[0]
  return o ? `${o.process ?? '?'} (${o.pid})` : i18n.t('connections:endpoint.noProcess')
}

export function localText(r: TableRow): string {
  const text = plain(r.localAddress, r.localPort)
  const service = sources?.names.serviceName(r.localPort, r.protocol)
  return service ? `${text} (${service})` : text
}

export function remoteText(r: TableRow): string {
  if (r.protocol === 'unix' && sources) {
    const { rows, structure } = sources.table.getState()
    const peer = sources.names.unixPeer(r, rows, structure)
    if (peer) return `↔ ${ownerText(peer)}${peer.localAddress ? ` ${peer.localAddress}` : ''}`
  }
  const text = plain(r.remoteAddress, r.remotePort)
  const host = sources?.names.host(r.remoteAddress)
  const service = sources?.names.serviceName(r.remotePort, r.protocol)
  return [host ? `${host} ${text}` : text, service ? `(${service})` : ''].filter(Boolean).join(' ')
}
