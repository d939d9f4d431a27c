// Windows: closing another process's TCP connection, as TCPView does, with iphlpapi's
// SetTcpEntry and a MIB_TCPROW whose state is MIB_TCP_STATE_DELETE_TCB. IPv4 only (there is
// no IPv6 form), and only for an elevated Administrator. The row is built here, pure and
// tested on any OS; the call itself can only run on Windows (koffi, loaded when first used).
import type { DiagTuple } from '../conntable/sock-diag'

/** MIB_TCPROW's dwState for "delete this connection": the only state SetTcpEntry accepts. */
export const MIB_TCP_STATE_DELETE_TCB = 12
/** Five DWORDs: state, local address, local port, remote address, remote port. */
export const MIB_TCPROW_BYTES = 20

/**
 * The answers that get their own sentence (winerror.h), and 317, which SetTcpEntry documents
 * for "not elevated"; any other code is reported with its number.
 */
export const WIN_ERROR = {
  ACCESS_DENIED: 5,
  NOT_ELEVATED: 317,
  NOT_FOUND: 1168
} as const

function writeAddress(row: Buffer, offset: number, address: string): void {
  // In network byte order: the octets as written, whatever the machine's own order.
  const octets = address.split('.').map(Number)
  if (octets.length !== 4 || octets.some((o) => !Number.isInteger(o) || o < 0 || o > 255))
    throw new RangeError(`${address} is not an IPv4 address`)
  row.set(octets, offset)
}

function writePort(row: Buffer, offset: number, port: number): void {
  // The port in network byte order in the DWORD's low 16 bits: its first two bytes in memory.
  row.writeUInt16BE(port, offset)
  row.writeUInt16BE(0, offset + 2)
}

/** The MIB_TCPROW that asks Windows to delete one IPv4 connection (little-endian, as x86/ARM). */
export function deleteTcbRow(tuple: DiagTuple): Buffer {
  const row = Buffer.alloc(MIB_TCPROW_BYTES)
  row.writeUInt32LE(MIB_TCP_STATE_DELETE_TCB, 0)
  writeAddress(row, 4, tuple.localAddress)
  writePort(row, 8, tuple.localPort)
  writeAddress(row, 12, tuple.remoteAddress)
  writePort(row, 16, tuple.remotePort)
  return row
}

type SetTcpEntry = (row: Buffer) => number
let setTcpEntry: Promise<SetTcpEntry> | null = null

/** Calls SetTcpEntry with the row; 0 or Windows' error code. Throws where it cannot load. */
export async function deleteTcb(row: Buffer): Promise<number> {
  setTcpEntry ??= import('koffi').then((mod) => {
    // CommonJS through a dynamic import: the module is the default export or itself.
    const koffi = (mod as unknown as { default?: typeof mod }).default ?? mod
    const fn = koffi.load('iphlpapi.dll').func('uint32_t __stdcall SetTcpEntry(void *pTcpRow)')
    return (r: Buffer) => fn(r) as number
  })
  return (await setTcpEntry)(row)
}
