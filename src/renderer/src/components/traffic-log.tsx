// A session's traffic log on screen: it loads the newest chunks, then only what is new as
// the session's counters move; each chunk is decoded once and drawn as text or hex.
import { memo, useEffect, useMemo, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectorApi } from '../../../shared/contract'
import type { Direction, InspectorError, TrafficChunk } from '../../../shared/model'
import { escapeBytes, hexDump } from '../../../shared/traffic-format'

/** At most this many chunks are kept on screen; older ones are in the export. */
const SHOWN_CHUNKS = 500
/** Of a big chunk, this much is drawn; the rest is in the export. */
const SHOWN_BYTES = 4_096

export interface ShownChunk {
  readonly seq: number
  readonly at: number
  readonly dir: Direction
  readonly bytes: Uint8Array
}

function decode(c: TrafficChunk): ShownChunk {
  return {
    seq: c.seq,
    at: c.at,
    dir: c.dir,
    bytes: Uint8Array.from(atob(c.data), (ch) => ch.charCodeAt(0))
  }
}

/**
 * Keeps the newest chunks of a session: the first request asks for the newest page, later
 * ones for what came after it. One request at a time; a poke during one asks again after.
 */
export function useTraffic(
  api: InspectorApi,
  sessionId: string,
  activity: number
): { chunks: readonly ShownChunk[]; error: InspectorError | null } {
  const [chunks, setChunks] = useState<readonly ShownChunk[]>([])
  const [error, setError] = useState<InspectorError | null>(null)
  const puller = useRef<{ poke: () => void; stop: () => void } | null>(null)

  // Another session: start from its newest page, with nothing of the last one's.
  const [shownId, setShownId] = useState(sessionId)
  if (shownId !== sessionId) {
    setShownId(sessionId)
    setChunks([])
    setError(null)
  }

  useEffect(() => {
    let live = true
    let next: number | null = null
    let busy = false
    let again = false
    const pull = async (): Promise<void> => {
      busy = true
      try {
        do {
          again = false
          const page = await api['session:traffic'](
            sessionId,
            next === null
              ? { limit: SHOWN_CHUNKS, newest: true }
              : { fromSeq: next, limit: SHOWN_CHUNKS }
          )
          if (!live) return
          next = page.nextSeq
          if (page.chunks.length > 0)
            setChunks((prev) => [...prev, ...page.chunks.map(decode)].slice(-SHOWN_CHUNKS))
        } while (again)
      } catch (err) {
        if (live) setError(err as InspectorError)
      } finally {
        busy = false
      }
    }
    puller.current = {
      poke: () => (busy ? (again = true) : void pull()),
      stop: () => (live = false)
    }
    return () => puller.current?.stop()
  }, [api, sessionId])

  useEffect(() => puller.current?.poke(), [activity])
  return { chunks, error }
}

export const ChunkItem = memo(function ChunkItem({
  chunk,
  mode
}: {
  readonly chunk: ShownChunk
  readonly mode: 'text' | 'hex'
}): ReactElement {
  const { t } = useTranslation('echo')
  const body = useMemo(() => {
    const shown = chunk.bytes.subarray(0, SHOWN_BYTES)
    return mode === 'text' ? escapeBytes(shown) : hexDump(shown).join('\n')
  }, [chunk, mode])
  const more = Math.max(0, chunk.bytes.length - SHOWN_BYTES)
  return (
    <li data-dir={chunk.dir}>
      <span className="muted">
        {new Date(chunk.at).toISOString().slice(11, 23)}{' '}
        {t(chunk.dir === 'out' ? 'traffic.out' : 'traffic.in')} {chunk.bytes.length} B
      </span>
      <pre>{body}</pre>
      {more > 0 ? <span className="muted">{t('traffic.moreBytes', { count: more })}</span> : null}
    </li>
  )
})
