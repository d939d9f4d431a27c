// The echo room's commands: servers, and the sessions they (and the clients) hold.
import type { RoomHandlers } from '../../shared/contract'
import { formatEndpoint } from '../../shared/endpoint'
import { ERROR_IDS as ID } from '../../shared/error-ids'
import { InspectorFailure } from '../../shared/errors'
import type {
  ExportFormat,
  KernelView,
  SessionId,
  TrafficPage,
  TrafficRange
} from '../../shared/model'
import { formatTrafficHex, formatTrafficText } from '../../shared/traffic-format'
import { readTcpInfo } from '../conntable/tcp-info'
import type { CoreParts } from '../core-parts'
import { sessionCalls } from './session-calls'
import type { SessionRecord } from './sessions'

const TRAFFIC_PAGE_DEFAULT = 1_000

export function echoHandlers(core: CoreParts): RoomHandlers<'echo'> {
  const { servers, sessions } = core
  return {
    'echo:start': (spec) => servers.start(spec),
    'echo:stop': (id, options) => servers.stop(id, options),
    'echo:list': async () => servers.list(),
    'session:list': async () => sessions.list(),
    'session:traffic': async (id, range) => trafficPage(core, id, range),
    'session:export': async (id, format) => exportTraffic(core, id, format),
    'session:kernel': (id) => readKernel(core, id),
    'echo:restart': (id) => servers.restart(id),
    'echo:remove': (id) => servers.remove(id),
    'session:close': async (id, options) => {
      const s = sessions.end(id, options?.mode ?? 'close')
      return s
    },
    'session:forget': async ({ ids }) => ({ removed: sessions.forgetClosed(ids ?? null) }),
    'session:calls': async (id) => sessionCalls(core, sessionOf(core, id))
  }
}

function sessionOf(core: CoreParts, id: SessionId): SessionRecord {
  const s = core.sessions.get(id)
  if (!s) {
    throw new InspectorFailure(
      'ENOSESSION',
      `There is no session ${id}.`,
      'Closed sessions are kept for a while, then forgotten; list the sessions again.',
      { id: ID.sessionNone, params: { id } }
    )
  }
  return s
}

/** TCP_INFO straight from the session's fd, with the queues the last poll saw. */
async function readKernel(core: CoreParts, id: SessionId): Promise<KernelView | null> {
  const s = sessionOf(core, id)
  if (s.init.protocol !== 'tcp' || s.fd === null || s.closed) return s.kernel
  const fresh = await readTcpInfo(s.fd)
  if (!fresh) return s.kernel
  const view: KernelView = {
    ...fresh,
    sendQueue: s.kernel?.sendQueue ?? null,
    recvQueue: s.kernel?.recvQueue ?? null,
    inode: s.kernel?.inode ?? null
  }
  core.sessions.setKernel(s, view)
  return view
}

function trafficPage(core: CoreParts, id: SessionId, range: TrafficRange = {}): TrafficPage {
  const s = sessionOf(core, id)
  const limit = range.limit ?? TRAFFIC_PAGE_DEFAULT
  // Seqs are consecutive, so the newest `limit` start at nextSeq - limit.
  const from = range.newest ? s.log.nextSeq - limit : (range.fromSeq ?? 0)
  const fromSeq = Math.max(from, s.log.firstSeq)
  const chunks = core.traffic.range(s.log, fromSeq, limit)
  return {
    sessionId: id,
    chunks: chunks.map((c) => ({
      seq: c.seq,
      at: c.at,
      dir: c.dir,
      data: c.bytes.toString('base64')
    })),
    nextSeq: chunks.length > 0 ? chunks[chunks.length - 1]!.seq + 1 : fromSeq,
    firstSeq: s.log.firstSeq,
    droppedBytes: s.log.droppedBytes
  }
}

function exportTraffic(core: CoreParts, id: SessionId, format: ExportFormat): string {
  const s = sessionOf(core, id)
  const chunks = core.traffic.range(s.log, 0, Number.MAX_SAFE_INTEGER)
  const snap = s.snapshot()
  const title = `# Session ${snap.id} · ${snap.protocol} · ${snap.role} · local ${formatEndpoint(snap.local)} · remote ${formatEndpoint(snap.remote)} · in ${snap.bytesIn} B · out ${snap.bytesOut} B`
  const dropped =
    snap.trafficDroppedBytes > 0
      ? `\n# ${snap.trafficDroppedBytes} earlier bytes were dropped to stay within the log's bounds`
      : ''
  const body = format === 'hex' ? formatTrafficHex(chunks) : formatTrafficText(chunks)
  return `${title}${dropped}\n${body}\n`
}
