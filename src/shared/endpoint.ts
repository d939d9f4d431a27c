import type { Endpoint } from './model'

/** "127.0.0.1:7007", "[::1]:7007", a socket path, or "(unnamed)" for an unbound Unix socket. */
export function formatEndpoint(e: Endpoint): string {
  if (e.port === null) return e.address || '(unnamed)'
  return e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`
}
