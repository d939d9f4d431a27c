// A session's calls beside those of the app's own sockets at the other end: for a client of
// one of our servers, the accepted session and the listening socket; for an accepted
// session, the server's listening socket and our client when it is ours.
import { formatEndpoint } from '../../shared/endpoint'
import type { CallLane, SessionCalls } from '../../shared/model'
import type { CoreParts } from '../core-parts'
import type { SessionRecord } from './sessions'

export function sessionCalls(core: CoreParts, s: SessionRecord): SessionCalls {
  const lanes: CallLane[] = [laneOf(s)]
  const peer = peerOf(core, s)
  if (peer) lanes.push(laneOf(peer))
  const listenerId = s.init.listenerId ?? peer?.init.listenerId ?? null
  const listener = listenerId === null ? undefined : core.servers.record(listenerId)
  if (listener) {
    lanes.push({
      id: listener.id,
      role: 'listener',
      address: listener.address,
      steps: listener.calls.list(),
      dropped: listener.calls.dropped
    })
  }
  return { sessionId: s.id, lanes }
}

function laneOf(s: SessionRecord): CallLane {
  return {
    id: s.id,
    role: s.init.role === 'accepted' ? 'accepted' : 'client',
    address: formatEndpoint(s.local),
    steps: s.calls.list(),
    dropped: s.calls.dropped
  }
}

/** The app's session at the other end of a TCP connection: local and remote swapped. */
function peerOf(core: CoreParts, s: SessionRecord): SessionRecord | undefined {
  if (s.init.protocol !== 'tcp' || s.local.port === null || s.remote.port === null) return
  const byIds = core.sessions.list(
    (o) =>
      o.id !== s.id &&
      o.init.protocol === 'tcp' &&
      o.local.port === s.remote.port &&
      o.remote.port === s.local.port &&
      o.remote.address === s.local.address
  )
  return byIds[0] ? core.sessions.get(byIds[0].id) : undefined
}
