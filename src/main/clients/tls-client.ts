// A TCP client that speaks TLS: the TCP connection is made first (so the session has its
// fd and kernel row from the start), then the handshake runs over it with the user's
// choices: verify the server's certificate or not, the name sent (SNI), ALPN protocols.
import { connect, isIP } from 'node:net'
import type { Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import type { TLSSocket } from 'node:tls'
import { InspectorFailure } from '../../shared/errors'
import type { TlsClientSpec } from '../../shared/model'
import type { SessionRecord, SessionRegistry } from '../echo/sessions'
import { tlsInfo } from '../echo/tls-server'
import { connectFailure } from '../net-errors'
import { streamFd } from '../socket-fd'
import type { ClientConnection } from './client-connection'
import { streamConnection } from './stream-connection'

/** A handshake failure in the user's words: which check failed, and what to do. */
export function handshakeFailure(err: unknown, where: string, verify: boolean): InspectorFailure {
  const e = err as NodeJS.ErrnoException & { reason?: string }
  const code = e.code ?? 'ETLS'
  if (verify && /CERT|SELF_SIGNED|UNABLE_TO|HOSTNAME|ERR_TLS_CERT_ALTNAME/.test(code)) {
    return new InspectorFailure(
      code,
      `The certificate of ${where} is not trusted: ${e.message}.`,
      'Turn "Verify certificate" off to connect anyway (for a self-signed test server), or give the server a certificate this machine trusts.'
    )
  }
  if (code === 'ECONNRESET' || /wrong version number|packet length too long/i.test(e.message)) {
    return new InspectorFailure(
      code,
      `${where} did not answer the TLS handshake (${e.message}).`,
      'Is the server speaking TLS on that port? Connect without TLS, or to its TLS port.'
    )
  }
  return new InspectorFailure(code, `The TLS handshake with ${where} failed: ${e.message}.`)
}

/** Waits for the handshake over an open TCP client, then hands its session the TLS socket. */
async function handshake(
  raw: Socket,
  session: SessionRecord,
  spec: TlsClientSpec,
  host: string,
  sessions: SessionRegistry,
  where: string
): Promise<TLSSocket> {
  const verify = spec.verify ?? true
  const servername = spec.servername ?? (isIP(host) === 0 ? host : undefined)
  const socket = tlsConnect({
    socket: raw,
    rejectUnauthorized: verify,
    ...(servername ? { servername } : {}),
    ...(spec.alpn && spec.alpn.length > 0 ? { ALPNProtocols: [...spec.alpn] } : {})
  })
  await new Promise<void>((resolve, reject) => {
    socket.once('secureConnect', () => resolve())
    socket.once('error', (err) => {
      const failure = handshakeFailure(err, where, verify)
      sessions.close(session, 'error', failure.toJSON())
      raw.destroy()
      reject(failure)
    })
  })
  session.tls = tlsInfo(socket, false)
  sessions.setState(session, 'open')
  return socket
}

/** Connects over TCP, then does the handshake; the session counts plaintext from then on. */
export async function connectTls(
  target: { host: string; port: number },
  spec: TlsClientSpec,
  timeoutMs: number,
  sessions: SessionRegistry
): Promise<ClientConnection> {
  const where = `${target.host}:${target.port}`
  const { session, raw } = await connectRaw(target, timeoutMs, sessions, where)
  const socket = await handshake(raw, session, spec, target.host, sessions, where)
  return streamConnection(socket, session, sessions, () => {
    raw.resetAndDestroy()
    socket.destroy()
  })
}

/** The TCP connection under TLS: its session opens as "connecting" and learns its fd here. */
async function connectRaw(
  target: { host: string; port: number },
  timeoutMs: number,
  sessions: SessionRegistry,
  where: string
): Promise<{ session: SessionRecord; raw: Socket }> {
  const raw = connect({ host: target.host, port: target.port, noDelay: true })
  const session = sessions.open({
    role: 'client',
    protocol: 'tcp',
    family: 'ipv4',
    listenerId: null,
    local: { address: '', port: null },
    remote: { address: target.host, port: target.port },
    fd: null,
    state: 'connecting'
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      raw.destroy(Object.assign(new Error('connect timed out'), { code: 'ETIMEDOUT' }))
    }, timeoutMs)
    raw.once('connect', () => {
      clearTimeout(timer)
      resolve()
    })
    raw.once('error', (err) => {
      clearTimeout(timer)
      const failure = connectFailure(err, { protocol: 'tcp', where, timeoutMs })
      sessions.close(session, 'error', failure.toJSON())
      reject(failure)
    })
  })
  session.family = raw.remoteFamily === 'IPv6' ? 'ipv6' : 'ipv4'
  session.fd = streamFd(raw)
  session.local = { address: raw.localAddress ?? '', port: raw.localPort ?? null }
  session.remote = {
    address: raw.remoteAddress ?? target.host,
    port: raw.remotePort ?? target.port
  }
  return { session, raw }
}
