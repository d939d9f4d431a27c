// TLS for the echo server: each accepted TCP socket is wrapped in a server-side TLSSocket.
// The session's counters then count plaintext; the kernel's TCP_INFO bytes stay the
// encrypted ones, so the two side by side show what TLS adds on the wire.
import { createSecureContext, TLSSocket } from 'node:tls'
import type { SecureContext } from 'node:tls'
import type { Socket } from 'node:net'
import type { TlsInfo } from '../../shared/model'
import type { SessionRecord } from './sessions'
import type { TlsMaterial } from './tls-cert'
import { oneLine } from './tls-cert'

/** What a TLS socket agreed, as the session shows it. */
export function tlsInfo(socket: TLSSocket, isServer: boolean): TlsInfo {
  const peer = socket.getPeerX509Certificate()
  const local = socket.getX509Certificate()
  const servername = (socket as TLSSocket & { servername?: string | false }).servername
  return {
    version: socket.getProtocol(),
    cipher: socket.getCipher()?.name ?? null,
    alpn: socket.alpnProtocol || null,
    servername: typeof servername === 'string' ? servername : null,
    peerSubject: peer ? oneLine(peer.subject) : null,
    peerValidTo: peer?.validTo ?? null,
    localSubject: local ? oneLine(local.subject) : null,
    localValidTo: local?.validTo ?? null,
    authorized: isServer ? null : socket.authorized,
    authorizationError: socket.authorizationError ? String(socket.authorizationError) : null
  }
}

/** The `secure` hook of a stream server: wrap, and fill in the handshake when it is done. */
export function tlsWrapper(
  material: TlsMaterial
): (raw: Socket, session: SessionRecord, changed: () => void) => Socket {
  const context: SecureContext = createSecureContext({ cert: material.cert, key: material.key })
  return (raw, session, changed) => {
    const socket = new TLSSocket(raw, {
      isServer: true,
      secureContext: context,
      // An echo server speaks any protocol: agree to the one the client wants most.
      ALPNCallback: ({ protocols }) => protocols[0]
    })
    socket.once('secure', () => {
      session.tls = tlsInfo(socket, true)
      changed()
    })
    return socket
  }
}
