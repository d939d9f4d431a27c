// The kernel fd behind a Node socket, where the OS has one (not on Windows). Node keeps it
// on internal handles; reading it is the only way to join our sockets to the kernel's table.
import type { Socket as DgramSocket } from 'node:dgram'
import type { Server, Socket } from 'node:net'

interface WithHandle {
  readonly _handle?: { readonly fd?: number } | null
}

function validFd(fd: unknown): number | null {
  return typeof fd === 'number' && fd >= 0 ? fd : null
}

export function streamFd(socket: Socket | Server): number | null {
  return validFd((socket as unknown as WithHandle)._handle?.fd)
}

export function datagramFd(socket: DgramSocket): number | null {
  // dgram keeps its handle under a symbol; its `_handle` getter is deprecated (DEP0112).
  const state = Object.getOwnPropertySymbols(socket)
    .map((sym) => (socket as unknown as Record<symbol, unknown>)[sym])
    .find(
      (v): v is { handle?: { fd?: number } } => typeof v === 'object' && v !== null && 'handle' in v
    )
  return validFd(state?.handle?.fd)
}
