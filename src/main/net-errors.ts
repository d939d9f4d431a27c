// Socket errors as a user should read them: a code, a sentence about what they tried,
// and what to do next.
import { ERROR_IDS as ID } from '../shared/error-ids'
import { InspectorFailure } from '../shared/errors'

export interface ListenContext {
  readonly protocol: 'tcp' | 'udp' | 'unix'
  readonly where: string
  readonly port?: number
  /** Who holds the port, when the OS said ("nginx (pid 812)"). */
  readonly holder?: string | null
}

export interface ConnectContext {
  readonly protocol: 'tcp' | 'udp' | 'unix'
  readonly where: string
  readonly timeoutMs?: number
}

function codeOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code
  return typeof code === 'string' ? code : 'EIO'
}

function detail(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

export function listenFailure(err: unknown, ctx: ListenContext): InspectorFailure {
  if (err instanceof InspectorFailure) return err
  const code = codeOf(err)
  switch (code) {
    case 'EADDRINUSE':
      if (ctx.protocol === 'unix') {
        return new InspectorFailure(
          code,
          `A server is already listening at ${ctx.where}.`,
          'Pick another path, or stop that server first.',
          { id: ID.listenPathInUse, params: { where: ctx.where } }
        )
      }
      return new InspectorFailure(
        code,
        ctx.holder
          ? `Port ${ctx.port} is already in use by ${ctx.holder}.`
          : `Port ${ctx.port} (${ctx.protocol.toUpperCase()}) is already in use on ${ctx.where}.`,
        ctx.holder
          ? 'Pick another port, or stop that process.'
          : 'Pick another port (0 picks any free one), or stop the program that holds it.',
        ctx.holder
          ? { id: ID.listenPortInUseBy, params: { port: ctx.port ?? '?', holder: ctx.holder } }
          : {
              id: ID.listenPortInUse,
              params: {
                port: ctx.port ?? '?',
                protocol: ctx.protocol.toUpperCase(),
                where: ctx.where
              }
            }
      )
    case 'EACCES':
      return new InspectorFailure(
        code,
        ctx.protocol === 'unix'
          ? `Not allowed to create a socket at ${ctx.where}.`
          : `Not allowed to listen on ${ctx.where}.`,
        ctx.protocol === 'unix'
          ? 'Pick a folder you can write to, such as /tmp.'
          : 'Ports below 1024 need administrator rights; pick a port from 1024 up.',
        {
          id: ctx.protocol === 'unix' ? ID.listenPathNotAllowed : ID.listenNotAllowed,
          params: { where: ctx.where }
        }
      )
    case 'EADDRNOTAVAIL':
      return new InspectorFailure(
        code,
        `${ctx.where} is not an address of this machine.`,
        'Use 127.0.0.1, ::1, or an address this machine has.',
        { id: ID.listenNotLocal, params: { where: ctx.where } }
      )
    case 'EAFNOSUPPORT':
      return new InspectorFailure(
        code,
        `This machine cannot listen on ${ctx.where}: its address family is not available.`,
        'IPv6 may be disabled here; use 127.0.0.1.',
        { id: ID.listenNoFamily, params: { where: ctx.where } }
      )
    case 'ENOENT':
      return new InspectorFailure(
        code,
        `The folder for ${ctx.where} does not exist.`,
        'Create the folder first, or pick a path in an existing one.',
        { id: ID.listenNoFolder, params: { where: ctx.where } }
      )
    case 'ENAMETOOLONG':
      return new InspectorFailure(
        code,
        `The socket path ${ctx.where} is too long.`,
        'Unix socket paths are limited to about 100 bytes; use a shorter one, such as /tmp/echo.sock.',
        { id: ID.listenPathTooLong, params: { where: ctx.where } }
      )
    default:
      return new InspectorFailure(
        code,
        `Could not listen on ${ctx.where}: ${detail(err)}.`,
        undefined,
        { id: ID.listenOther, params: { where: ctx.where, detail: detail(err) } }
      )
  }
}

export function connectFailure(err: unknown, ctx: ConnectContext): InspectorFailure {
  if (err instanceof InspectorFailure) return err
  const code = codeOf(err)
  switch (code) {
    case 'ECONNREFUSED':
      // A Unix path that is not a socket is caught before connecting (unix-path.ts): this
      // is a socket file nobody listens on any more.
      return ctx.protocol === 'unix'
        ? new InspectorFailure(
            code,
            `There is a socket file at ${ctx.where}, but no server is listening on it (one that stopped left it behind).`,
            'Start a Unix-socket server at that path; it replaces the old file.',
            { id: ID.connectStaleSocket, params: { where: ctx.where } }
          )
        : new InspectorFailure(
            code,
            `Nothing is listening at ${ctx.where}: the connection was refused.`,
            'Start a server there first, or check the port.',
            { id: ID.connectRefused, params: { where: ctx.where } }
          )
    case 'ETIMEDOUT':
      return new InspectorFailure(
        code,
        `No answer from ${ctx.where} within ${ctx.timeoutMs ?? '?'} ms.`,
        'Check that the host is up and that no firewall drops the packets, or allow a longer timeout.',
        { id: ID.connectTimedOut, params: { where: ctx.where, timeoutMs: ctx.timeoutMs ?? '?' } }
      )
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new InspectorFailure(
        code,
        `${ctx.where} cannot be reached from this machine.`,
        'Check the address and this machine’s network routes.',
        { id: ID.connectUnreachable, params: { where: ctx.where } }
      )
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new InspectorFailure(
        code,
        `The host name in ${ctx.where} could not be resolved.`,
        'Check the spelling, or use an IP address.',
        { id: ID.connectUnresolved, params: { where: ctx.where } }
      )
    case 'ENOENT':
      return new InspectorFailure(
        code,
        `There is no socket at ${ctx.where}.`,
        'Start a Unix-socket server at that path first.',
        { id: ID.connectNoSocket, params: { where: ctx.where } }
      )
    case 'ECONNRESET':
      return new InspectorFailure(code, `${ctx.where} reset the connection.`, undefined, {
        id: ID.connectReset,
        params: { where: ctx.where }
      })
    case 'EACCES':
      return new InspectorFailure(
        code,
        `Not allowed to connect to ${ctx.where}.`,
        'Check the socket file’s permissions.',
        { id: ID.connectNotAllowed, params: { where: ctx.where } }
      )
    default:
      return new InspectorFailure(
        code,
        `Could not connect to ${ctx.where}: ${detail(err)}.`,
        undefined,
        { id: ID.connectOther, params: { where: ctx.where, detail: detail(err) } }
      )
  }
}

export function datagramTooLarge(size: number, max: number): InspectorFailure {
  return new InspectorFailure(
    'EMSGSIZE',
    `A ${size}-byte datagram is larger than UDP allows (${max} bytes here).`,
    'Send less at once, or use TCP for large payloads.',
    { id: ID.udpTooLarge, params: { size, max } }
  )
}

/** The largest UDP payload: 65535 − IP header − UDP header. */
export const MAX_DATAGRAM = { ipv4: 65_507, ipv6: 65_527 } as const

export function sessionError(err: unknown): { code: string; message: string } {
  return { code: codeOf(err), message: detail(err) }
}

/**
 * A connected UDP socket hears the peer's ICMP "port unreachable" as ECONNREFUSED on a
 * later send or receive: nothing listens there. Said on the session, which stays open.
 */
export function datagramRefused(err: unknown, where: string): InspectorFailure {
  const code = codeOf(err)
  return code === 'ECONNREFUSED'
    ? new InspectorFailure(
        code,
        `${where} refused the datagrams: nothing listens on that UDP port (ICMP port unreachable).`,
        'Start a UDP server there, or check the port; this client stays open and can send again.',
        { id: ID.udpRefused, params: { where } }
      )
    : new InspectorFailure(code, `The UDP socket reported an error: ${detail(err)}.`, undefined, {
        id: ID.udpOther,
        params: { detail: detail(err) }
      })
}
