// Linux /proc/net/* plus owners from /proc/<pid>/fd (through the owner cache).
import { readFile } from 'node:fs/promises'
import type { SocketRow } from '../../shared/model'
import { OwnerCache } from './owner-cache'
import { blindOf } from './source'
import { procInetRows, procUnixRows } from './parse-procfs'
import type { SourceRead, TableSource } from './source'

async function readOr(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return ''
  }
}

export class ProcfsSource implements TableSource {
  readonly id = 'procfs' as const
  private readonly owners: OwnerCache

  constructor(private readonly root = '/proc') {
    this.owners = new OwnerCache(root)
  }

  async read(): Promise<SourceRead> {
    const net = `${this.root}/net`
    const [tcp, tcp6, udp, udp6, unix] = await Promise.all(
      ['tcp', 'tcp6', 'udp', 'udp6', 'unix'].map((f) => readOr(`${net}/${f}`))
    )
    const rows: SocketRow[] = [
      ...procInetRows(tcp!, 'tcp', 'ipv4'),
      ...procInetRows(tcp6!, 'tcp', 'ipv6'),
      ...procInetRows(udp!, 'udp', 'ipv4'),
      ...procInetRows(udp6!, 'udp', 'ipv6'),
      ...procUnixRows(unix!)
    ]
    return { rows, ...blindOf(await this.owners.own(rows)) }
  }
}
