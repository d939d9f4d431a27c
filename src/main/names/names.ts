// The names room: service names (the services file, read once, the built-in list behind
// it) and host names by reverse lookup (off until the user turns it on).
import type { ServicesAnswer } from '../../shared/insight-model'
import type { ServiceNames } from '../../shared/service-names'
import { ReverseDns } from './reverse-dns'
import type { Resolver } from './reverse-dns'
import { loadServices } from './services-file'
import type { ServicesDatabase } from './services-file'

export class Names {
  readonly dns: ReverseDns
  private database: Promise<ServicesDatabase> | null = null
  private loaded: ServiceNames | undefined

  constructor(resolver?: Resolver) {
    this.dns = new ReverseDns(resolver)
  }

  /** The services database, read on first use. */
  async services(): Promise<ServicesAnswer> {
    const db = await this.load()
    return { entries: db.names.entries, path: db.path, problem: db.problem }
  }

  /** The names as loaded so far; undefined (the built-in list) until the file is read. */
  current(): ServiceNames | undefined {
    if (!this.database) void this.load()
    return this.loaded
  }

  load(): Promise<ServicesDatabase> {
    this.database ??= loadServices().then((db) => {
      this.loaded = db.names
      return db
    })
    return this.database
  }
}
