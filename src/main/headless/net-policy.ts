// What counts as loopback, for the server's bind address and for Host headers.
import { isIP } from 'node:net'

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase()
  if (h === 'localhost') return true
  if (isIP(h) === 4) return h.startsWith('127.')
  if (isIP(h) === 6) return h === '::1' || h.startsWith('::ffff:127.')
  return false
}

/** The host part of a Host header ("127.0.0.1:8080", "[::1]:80", "localhost"). */
export function hostOfHeader(header: string | undefined): string | null {
  if (!header) return null
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(header.trim())
  return m?.[1] ?? null
}

/** How a URL names a host: IPv6 literals in brackets. */
export function urlHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host
}
