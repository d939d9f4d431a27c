// Close one connection: the app's own sockets through their handle (graceful FIN or RST, by
// choice); any other process's TCP socket on Linux through the kernel's SOCK_DESTROY, as
// `ss -K` does, and an IPv4 one on Windows through SetTcpEntry, as TCPView does. Everywhere
// else, a sentence saying why not and what would make it possible.
import type { CloseMode, CloseRequest, CloseResult } from '../../shared/actions-model'
import { formatEndpoint } from '../../shared/endpoint'
import { ERROR_IDS as ID } from '../../shared/error-ids'
import { InspectorFailure } from '../../shared/errors'
import { SAID_IDS, worded } from '../../shared/said'
import { AF_INET, AF_INET6, IPPROTO_TCP } from '../conntable/sock-diag'
import type { DiagTuple } from '../conntable/sock-diag'
import { ERRNO } from './netlink-io'
import { deleteTcbRow, WIN_ERROR } from './tcp-entry'

/** One of the app's own sockets, found by its addresses. */
export interface OwnSocket {
  readonly sessionId: string
  /** False for a UDP peer, which shares its server's socket and has nothing of its own. */
  readonly closable: boolean
  close(mode: CloseMode): void
}

export interface CloseDeps {
  readonly platform: string
  readonly findOwn: (req: CloseRequest) => OwnSocket | null
  /** SOCK_DESTROY: 0 or the kernel's errno. Throws when netlink cannot be used at all. */
  readonly destroy: (tuple: DiagTuple) => Promise<number>
  /** Windows' SetTcpEntry with a MIB_TCPROW: 0 or its error code. Throws where it cannot load. */
  readonly deleteTcb: (row: Buffer) => Promise<number>
}

const STOP_INSTEAD = 'Stop the process that holds it instead (Stop process).'

function describe(req: CloseRequest): string {
  return `${formatEndpoint(req.local)} ⇄ ${formatEndpoint(req.remote)}`
}

function tupleOf(req: CloseRequest): DiagTuple {
  const six = req.local.address.includes(':')
  return {
    family: six ? AF_INET6 : AF_INET,
    protocol: IPPROTO_TCP,
    localAddress: req.local.address,
    localPort: req.local.port ?? 0,
    remoteAddress: req.remote.address,
    remotePort: req.remote.port ?? 0
  }
}

function closeOwn(own: OwnSocket, req: CloseRequest): CloseResult {
  if (!own.closable) {
    throw new InspectorFailure(
      'ENOTCONN',
      `${describe(req)} is a UDP peer of one of this app's servers: it has no socket of its own to close.`,
      'Stop the UDP server to close its socket.',
      { id: ID.closeUdpPeer, params: { what: describe(req) } }
    )
  }
  const mode = req.mode ?? 'graceful'
  own.close(mode)
  const params = { what: describe(req), session: own.sessionId }
  const done =
    mode === 'reset'
      ? worded(
          SAID_IDS.closeReset,
          params,
          `Reset ${params.what} (session ${params.session}): RST sent, queued bytes dropped.`
        )
      : worded(
          SAID_IDS.closeGraceful,
          params,
          `Closing ${params.what} (session ${params.session}): FIN sent after what is queued.`
        )
  return {
    how: mode === 'reset' ? 'app-reset' : 'app-graceful',
    sessionId: own.sessionId,
    message: done.text,
    said: done.said
  }
}

function refuseForeign(req: CloseRequest, platform: string): void {
  if (req.protocol !== 'tcp') {
    throw new InspectorFailure(
      'ENOTTCP',
      `Only TCP connections can be closed from outside their process; this is a ${req.protocol.toUpperCase()} socket.`,
      STOP_INSTEAD,
      { id: ID.closeNotTcp, params: { protocol: req.protocol.toUpperCase() } }
    )
  }
  if (req.remote.port === null || req.remote.port === 0 || req.local.port === null) {
    throw new InspectorFailure(
      'ENOTCONN',
      `${formatEndpoint(req.local)} has no peer: only a connection can be closed.`,
      `A listening socket closes with its process. ${STOP_INSTEAD}`,
      { id: ID.closeNoPeer, params: { local: formatEndpoint(req.local) } }
    )
  }
  if (platform === 'darwin') {
    throw new InspectorFailure(
      'EUNSUPPORTED',
      'macOS offers no way to close another process’s connection from outside it.',
      `${STOP_INSTEAD} The app's own connections can be closed.`,
      { id: ID.closeMacos }
    )
  }
  if (platform === 'win32' && req.local.address.includes(':')) {
    throw new InspectorFailure(
      'EUNSUPPORTED',
      `Windows can close only IPv4 connections from outside their process; ${describe(req)} is IPv6.`,
      STOP_INSTEAD,
      { id: ID.closeWindowsIpv6, params: { what: describe(req) } }
    )
  }
  if (platform !== 'linux' && platform !== 'win32') {
    throw new InspectorFailure(
      'EUNSUPPORTED',
      `Closing another process’s connection is not supported on ${platform}.`,
      STOP_INSTEAD,
      { id: ID.closeOtherOs, params: { platform } }
    )
  }
}

function destroyFailure(errno: number, req: CloseRequest): InspectorFailure {
  const what = describe(req)
  switch (errno) {
    case ERRNO.EPERM:
      return new InspectorFailure(
        'EPERM',
        `Not allowed to close ${describe(req)}: the kernel needs CAP_NET_ADMIN to close another process’s connection.`,
        'Run Socket Inspector as root (sudo), or give it CAP_NET_ADMIN.',
        { id: ID.closeNotAllowed, params: { what } }
      )
    case ERRNO.EOPNOTSUPP:
      return new InspectorFailure(
        'EOPNOTSUPP',
        'This kernel cannot close sockets from outside: it was built without CONFIG_INET_DIAG_DESTROY.',
        `Use a kernel built with that option. ${STOP_INSTEAD}`,
        { id: ID.closeNoDestroy }
      )
    case ERRNO.ENOENT:
      return new InspectorFailure(
        'ENOENT',
        `There is no TCP connection ${describe(req)} (any more).`,
        'It may have closed already; check the addresses against the table.',
        { id: ID.closeGone, params: { what } }
      )
    default:
      return new InspectorFailure(
        'ECLOSE',
        `The kernel refused to close ${describe(req)} (errno ${errno}).`,
        STOP_INSTEAD,
        { id: ID.closeRefused, params: { what, errno } }
      )
  }
}

function windowsFailure(code: number, req: CloseRequest): InspectorFailure {
  const what = describe(req)
  switch (code) {
    case WIN_ERROR.ACCESS_DENIED:
    case WIN_ERROR.NOT_ELEVATED:
      return new InspectorFailure(
        'EPERM',
        `Not allowed to close ${what}: Windows lets only an Administrator, in an elevated window, close another process’s connection.`,
        'Run Socket Inspector as administrator (right-click it → Run as administrator).',
        { id: ID.closeWindowsNotAdmin, params: { what } }
      )
    case WIN_ERROR.NOT_FOUND:
      return new InspectorFailure(
        'ENOENT',
        `There is no TCP connection ${what} (any more).`,
        'It may have closed already; check the addresses against the table.',
        { id: ID.closeGone, params: { what } }
      )
    default:
      return new InspectorFailure(
        'ECLOSE',
        `Windows refused to close ${what} (error ${code}).`,
        STOP_INSTEAD,
        { id: ID.closeWindowsRefused, params: { what, code } }
      )
  }
}

/** Another process's IPv4 connection on Windows: SetTcpEntry, as TCPView's Close Connection. */
async function closeOnWindows(req: CloseRequest, deps: CloseDeps): Promise<CloseResult> {
  const what = describe(req)
  let code: number
  try {
    code = await deps.deleteTcb(deleteTcbRow(tupleOf(req)))
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    throw new InspectorFailure(
      'EUNSUPPORTED',
      `Cannot reach Windows’ SetTcpEntry to close ${what}: ${reason}.`,
      STOP_INSTEAD,
      { id: ID.closeWindowsNoApi, params: { what, reason } }
    )
  }
  if (code !== 0) throw windowsFailure(code, req)
  const done = worded(
    SAID_IDS.closeDeleted,
    { what },
    `Closed ${what}: Windows deleted the connection (SetTcpEntry).`
  )
  return { how: 'tcp-entry', sessionId: null, message: done.text, said: done.said }
}

export async function closeSocket(req: CloseRequest, deps: CloseDeps): Promise<CloseResult> {
  const own = deps.findOwn(req)
  if (own) return closeOwn(own, req)
  refuseForeign(req, deps.platform)
  if (req.mode === 'graceful') {
    throw new InspectorFailure(
      'EGRACEFUL',
      `${describe(req)} belongs to another process: it can only be reset (RST) from outside, not closed gracefully.`,
      'Choose reset, or ask that program to close it.',
      { id: ID.closeOnlyReset, params: { what: describe(req) } }
    )
  }
  if (deps.platform === 'win32') return closeOnWindows(req, deps)
  let errno: number
  try {
    errno = await deps.destroy(tupleOf(req))
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err)
    throw new InspectorFailure(
      'EUNSUPPORTED',
      `Cannot reach the kernel’s sock_diag interface to close ${describe(req)}: ${reason}.`,
      STOP_INSTEAD,
      { id: ID.closeNoDiag, params: { what: describe(req), reason } }
    )
  }
  if (errno !== 0) throw destroyFailure(errno, req)
  const what = describe(req)
  const done = worded(
    SAID_IDS.closeDestroyed,
    { what },
    `Closed ${what}: the kernel aborted it (its process sees ECONNABORTED, the peer a reset).`
  )
  return { how: 'sock-destroy', sessionId: null, message: done.text, said: done.said }
}
