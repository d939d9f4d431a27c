// What each TCP state means, who waits for what, and what a socket stuck there usually
// means: shown on hover or focus of a state on the diagram.
import type { TcpState } from './tcp-machine'

export const STATE_NOTES: Readonly<Record<TcpState, string>> = {
  CLOSED: 'No connection. A socket starts here and ends here; the kernel has forgotten it.',
  LISTEN:
    'A server socket waiting for connections: listen() was called. Each accept() hands out a new socket; this one keeps listening.',
  SYN_SENT:
    'connect() sent a SYN and waits for the answer. Stuck here: nothing answers — a firewall drops the SYN or the host is down.',
  SYN_RECV:
    'A SYN arrived and the kernel answered SYN+ACK; it waits for the client’s ACK. Many here at once: a SYN flood, or clients that vanish.',
  ESTABLISHED:
    'The connection is open: both sides can read() and write(). This is where the bytes flow.',
  FIN_WAIT1:
    'This side called close() (or shutdown) and sent FIN; it waits for the peer to acknowledge.',
  FIN_WAIT2:
    'Our FIN was acknowledged; we wait for the peer’s FIN. Stuck here: the peer has not closed its side yet.',
  CLOSE_WAIT:
    'The peer closed (its FIN arrived) and waits for us. Stuck here: your program has not called close() on this socket — usually a leak.',
  CLOSING: 'Both sides sent FIN at once; each waits for the other’s ACK. Rare and short.',
  LAST_ACK:
    'We closed after the peer did and sent our FIN; we wait for its last ACK, then the socket is gone.',
  TIME_WAIT:
    'The side that closed first waits 2×MSL (60 s on Linux) so late segments die out before the port pair is reused. Normal; no process owns it any more.'
}

/** The simpler lives of sockets without TCP's machine: UDP and Unix sockets. */
export const SIMPLE_NOTES = {
  bound: 'The socket has an address (bind) and can receive.',
  connected: 'The socket has a fixed peer (connect): it sends there and hears only from there.',
  closed: 'The socket was closed and is gone.'
} as const
