// One session's traffic, as text with escapes or as a hex dump, directions marked; it
// fetches what is new whenever the session's counters move.
import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import type { InspectorApi } from '../../../shared/contract'
import type { Session, TrafficChunk } from '../../../shared/model'
import { escapeBytes, hexDump } from '../../../shared/traffic-format'

/** At most this many chunks are kept on screen; older ones are in the export. */
const SHOWN_CHUNKS = 500

function bytesOf(chunk: TrafficChunk): Uint8Array {
  return Uint8Array.from(atob(chunk.data), (c) => c.charCodeAt(0))
}

export interface TrafficPanelProps {
  readonly api: InspectorApi
  readonly session: Session
}

export function TrafficPanel({ api, session }: TrafficPanelProps): ReactElement {
  const [chunks, setChunks] = useState<readonly TrafficChunk[]>([])
  const [mode, setMode] = useState<'text' | 'hex'>('text')
  const activity = session.chunksIn + session.chunksOut

  useEffect(() => {
    let live = true
    void api['session:traffic'](session.id, { limit: SHOWN_CHUNKS }).then(
      (page) => live && setChunks(page.chunks.slice(-SHOWN_CHUNKS)),
      () => undefined
    )
    return () => {
      live = false
    }
  }, [api, session.id, activity])

  return (
    <section className="panel traffic" aria-label={`Traffic of ${session.id}`}>
      <header>
        <h2>Traffic of {session.id}</h2>
        <div role="radiogroup" aria-label="Show traffic as" className="tabs">
          {(['text', 'hex'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              onClick={() => setMode(m)}
            >
              {m === 'text' ? 'Text' : 'Hex'}
            </button>
          ))}
        </div>
        {session.trafficDroppedBytes > 0 ? (
          <span className="muted">
            {session.trafficDroppedBytes} earlier bytes were let go to stay within the log's bounds
          </span>
        ) : null}
      </header>
      {chunks.length === 0 ? <p className="muted">No bytes yet.</p> : null}
      <ol className="chunks">
        {chunks.map((c) => (
          <li key={c.seq} data-dir={c.dir}>
            <span className="muted">
              {new Date(c.at).toISOString().slice(11, 23)} {c.dir === 'out' ? '→ out' : '← in'}{' '}
              {bytesOf(c).length} B
            </span>
            <pre>{mode === 'text' ? escapeBytes(bytesOf(c)) : hexDump(bytesOf(c)).join('\n')}</pre>
          </li>
        ))}
      </ol>
    </section>
  )
}
