// Which sessions go into a pcapng file, and whose process they are.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { InspectorFailure } from '../../shared/errors'
import type { PcapngTarget } from '../../shared/export-schema'
import type { ListenerId, SessionId } from '../../shared/model'
import { APP_NAME, APP_VERSION } from '../app-info'
import type { SessionRegistry } from '../echo/sessions'
import type { CapturedSession, ProcessIdentity } from './session-capture'
import { sessionsToPcapng } from './session-capture'

/** The name the connection table gives this process (Linux: its comm), so both agree. */
export function ownProcess(): ProcessIdentity {
  let name = basename(process.execPath)
  try {
    name = readFileSync('/proc/self/comm', 'utf8').trim() || name
  } catch {
    // Not Linux: the executable's name is what lsof and netstat show.
  }
  return { process: name, pid: process.pid }
}

function capture(registry: SessionRegistry, id: SessionId): CapturedSession | undefined {
  const s = registry.get(id)
  if (!s) return undefined
  return {
    session: s.snapshot(),
    chunks: registry.traffic.range(s.log, 0, Number.MAX_SAFE_INTEGER)
  }
}

/** One session, or every session a server still remembers, as a pcapng file. */
export function pcapngFor(registry: SessionRegistry, target: PcapngTarget): Buffer {
  registry.flush()
  let sessions: CapturedSession[]
  if ('sessionId' in target) {
    const one = capture(registry, target.sessionId)
    if (!one) {
      throw new InspectorFailure(
        'ENOSESSION',
        `There is no session ${target.sessionId}.`,
        'Closed sessions are kept for a while, then forgotten; list the sessions again.'
      )
    }
    sessions = [one]
  } else {
    const wanted = (s: { init: { listenerId: ListenerId | null } }): boolean =>
      'all' in target || s.init.listenerId === target.listenerId
    const ids = registry.list(wanted).map((s) => s.id)
    sessions = ids.map((id) => capture(registry, id)).filter((c) => c !== undefined)
  }
  return sessionsToPcapng(sessions, ownProcess(), `${APP_NAME} ${APP_VERSION}`)
}
