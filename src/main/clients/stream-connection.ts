// A connected stream (TCP, Unix, TLS) behind a client session: every byte read and written
// is counted, the peer's FIN and our shutdown go into the call log, and the close says why.
import type { Socket } from 'node:net'
import type { CloseReason } from '../../shared/model'
import type { SessionRecord, SessionRegistry } from '../echo/sessions'
import { sessionError } from '../net-errors'
import type { ClientConnection } from './client-connection'

/** Wires the socket's events to its session; `abort` sends the RST for reset(). */
export function streamConnection(
  socket: Socket,
  session: SessionRecord,
  sessions: SessionRegistry,
  abort: () => void
): ClientConnection {
  let failure: Error | null = null
  let resetByUs = false
  socket.on('data', (chunk: Buffer) => sessions.received(session, chunk))
  socket.on('end', () => {
    session.calls.add('eof', session.fd)
    sessions.setState(session, 'half-closed')
  })
  socket.on('error', (err) => (failure = err))
  socket.on('close', () => {
    const code = (failure as NodeJS.ErrnoException | null)?.code
    const reason: CloseReason =
      resetByUs || code === 'ECONNRESET' ? 'reset' : failure ? 'error' : 'end'
    sessions.close(session, reason, failure && reason === 'error' ? sessionError(failure) : null)
  })
  return {
    session,
    send: (bytes, done) => {
      socket.write(bytes, (err) => {
        if (!err) sessions.sent(session, bytes)
        done?.()
      })
    },
    close: () => {
      socket.end()
      session.calls.add('shutdown', session.fd, 'write side (FIN)')
      sessions.setState(session, 'half-closed')
    },
    reset: () => {
      resetByUs = true
      abort()
    }
  }
}
