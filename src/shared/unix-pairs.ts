// Both ends of a connected Unix socket, joined by inode: each end's row carries the other
// end's inode (sock_diag's UNIX_DIAG_PEER, ss -x's peer column), so a client's row can name
// the server process it talks to. Pure; the renderer and the tests use it alike.
import type { SocketRow } from './model'

export interface UnixPair<R extends SocketRow = SocketRow> {
  /** The end that carries the socket file's path: the server's accepted socket. */
  readonly server: R
  /** The other end, usually unnamed: the client. */
  readonly client: R
}

/** Row id → the row at the other end, for every Unix row whose peer is in the table. */
export function unixPeers<R extends SocketRow>(rows: Iterable<R>): Map<string, R> {
  const byInode = new Map<number, R>()
  const unix: R[] = []
  for (const r of rows) {
    if (r.protocol !== 'unix' || r.inode === null) continue
    byInode.set(r.inode, r)
    if (r.peerInode !== null) unix.push(r)
  }
  const peers = new Map<string, R>()
  for (const r of unix) {
    const peer = byInode.get(r.peerInode!)
    if (peer) peers.set(r.id, peer)
  }
  return peers
}

/** Each connected pair once, the named (server) end first. */
export function unixPairs<R extends SocketRow>(rows: Iterable<R>): UnixPair<R>[] {
  const all = [...rows]
  const peers = unixPeers(all)
  const pairs: UnixPair<R>[] = []
  for (const r of all) {
    const peer = peers.get(r.id)
    // Visit each pair from one end only: the end with the lower inode.
    if (!peer || r.inode! > peer.inode!) continue
    const rNamed = r.localAddress !== ''
    const peerNamed = peer.localAddress !== ''
    pairs.push(rNamed || !peerNamed ? { server: r, client: peer } : { server: peer, client: r })
  }
  return pairs
}
