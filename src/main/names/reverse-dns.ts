// Host names for remote addresses, by reverse lookup. Off until switched on; asked for by
// the renderer for the rows it shows, answered at once from the cache (a pending or failed
// lookup answers null: the address is shown), and looked up in the background. Nothing here
// is awaited by a table poll. getnameinfo runs on libuv's thread pool (4 threads), which
// the table's /proc reads share: MAX_IN_FLIGHT keeps most of it free even when every
// lookup hangs, and a lookup that never answers is given up after LOOKUP_TIMEOUT_MS.
import { lookupService } from 'node:dns/promises'
import type { ReverseDnsStatus } from '../../shared/insight-model'

/** Lookups running at once; the rest wait their turn (or are dropped past QUEUE_LIMIT). */
export const MAX_IN_FLIGHT = 2
/** Addresses waiting for a lookup; beyond this the newest asks are dropped and counted. */
export const QUEUE_LIMIT = 256
/** Answers (names and failures) kept; the oldest go first. */
export const CACHE_LIMIT = 4_096
/** How long a name (or a failure) is trusted before it is looked up again. */
export const NAME_TTL_MS = 5 * 60_000
export const FAILURE_TTL_MS = 60_000
/** A lookup still unanswered after this is treated as failed (its thread may still hang). */
export const LOOKUP_TIMEOUT_MS = 5_000

/** Address → host name; rejects when the address has none. */
export type Resolver = (address: string) => Promise<string>

/** getnameinfo: /etc/hosts first, then DNS, as the OS is configured. */
export const systemResolver: Resolver = async (address) =>
  (await lookupService(address, 0)).hostname

interface CacheEntry {
  readonly name: string | null
  readonly expires: number
}

export class ReverseDns {
  private enabled = false
  private readonly cache = new Map<string, CacheEntry>()
  private readonly queue: string[] = []
  private readonly running = new Set<string>()
  private dropped = 0

  constructor(
    private readonly resolve: Resolver = systemResolver,
    private readonly now: () => number = Date.now
  ) {}

  setEnabled(on: boolean): ReverseDnsStatus {
    this.enabled = on
    if (!on) this.queue.length = 0
    return this.status()
  }

  status(): ReverseDnsStatus {
    return {
      enabled: this.enabled,
      cached: this.cache.size,
      inFlight: this.running.size,
      queued: this.queue.length,
      dropped: this.dropped
    }
  }

  /**
   * What is known of each address now (null: not known, or no name); unknown ones are
   * queued for a lookup. Never waits for one.
   */
  names(addresses: readonly string[]): Record<string, string | null> {
    const out: Record<string, string | null> = {}
    const at = this.now()
    for (const address of addresses) {
      const hit = this.cache.get(address)
      out[address] = hit?.name ?? null
      if (!this.enabled || (hit && hit.expires > at)) continue
      if (this.running.has(address) || this.queue.includes(address)) continue
      if (this.queue.length >= QUEUE_LIMIT) this.dropped++
      else this.queue.push(address)
    }
    this.pump()
    return out
  }

  private pump(): void {
    while (this.running.size < MAX_IN_FLIGHT && this.queue.length > 0) {
      const address = this.queue.shift()!
      this.running.add(address)
      void this.lookup(address)
    }
  }

  private async lookup(address: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), LOOKUP_TIMEOUT_MS)
      timer.unref()
    })
    let name: string | null = null
    try {
      const found = await Promise.race([this.resolve(address), timeout])
      // getnameinfo answers the address itself when it has no name.
      name = found && found !== address ? found : null
    } catch {
      name = null
    } finally {
      clearTimeout(timer)
    }
    this.remember(address, name)
    this.running.delete(address)
    this.pump()
  }

  private remember(address: string, name: string | null): void {
    this.cache.delete(address)
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!)
    this.cache.set(address, {
      name,
      expires: this.now() + (name === null ? FAILURE_TTL_MS : NAME_TTL_MS)
    })
  }
}
