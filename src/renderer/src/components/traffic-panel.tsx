// One session's traffic: a live bytes-a-second chart, then every chunk as text with escapes
// or as a hex dump, directions coloured. It follows new chunks until the user scrolls up,
// and exports the whole log as text or hex.
import { useLayoutEffect, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import type { InspectorApi } from '../../../shared/contract'
import type { ExportFormat, InspectorError, Session } from '../../../shared/model'
import type { RateHistory } from '../store/rate-history'
import { saveText } from './download'
import { ErrorNote } from './error-note'
import { PcapngButton } from './pcapng-button'
import { SessionRateChart } from './rate-chart'
import { ChunkItem, useTraffic } from './traffic-log'

/** Within this many pixels of the bottom counts as "at the bottom". */
const STICKY_PX = 24

export interface TrafficPanelProps {
  readonly api: InspectorApi
  readonly session: Session
  readonly rates: RateHistory
  readonly now: number
}

export function TrafficPanel({ api, session, rates, now }: TrafficPanelProps): ReactElement {
  const [mode, setMode] = useState<'text' | 'hex'>('text')
  const [follow, setFollow] = useState(true)
  const [exportError, setExportError] = useState<InspectorError | null>(null)
  const list = useRef<HTMLOListElement>(null)
  const { chunks, error: loadError } = useTraffic(
    api,
    session.id,
    session.chunksIn + session.chunksOut
  )
  const error = exportError ?? loadError

  // Keep the newest chunk in view while following.
  useLayoutEffect(() => {
    const el = list.current
    if (el && follow) el.scrollTop = el.scrollHeight
  }, [chunks, follow, mode])

  const onScroll = (): void => {
    const el = list.current
    if (!el) return
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= STICKY_PX
    if (atBottom !== follow) setFollow(atBottom)
  }

  const exportAs = async (format: ExportFormat): Promise<void> => {
    try {
      const text = await api['session:export'](session.id, format)
      saveText(`${session.id}-traffic${format === 'hex' ? '.hex' : ''}.txt`, text)
    } catch (err) {
      setExportError(err as InspectorError)
    }
  }

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
        <button type="button" onClick={() => void exportAs('text')}>
          Export text
        </button>
        <button type="button" onClick={() => void exportAs('hex')}>
          Export hex
        </button>
        <PcapngButton
          api={api}
          target={{ sessionId: session.id }}
          filename={`${session.id}.pcapng`}
        />
        {follow ? (
          <span className="muted" role="status" aria-label="Scrolling">
            Following new data
          </span>
        ) : (
          <button type="button" onClick={() => setFollow(true)}>
            Paused — jump to latest
          </button>
        )}
      </header>
      <SessionRateChart rates={rates} id={session.id} now={now} />
      {session.trafficDroppedBytes > 0 ? (
        <p className="muted">
          {session.trafficDroppedBytes} earlier bytes were let go to stay within the log's bounds
        </p>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      {chunks.length === 0 ? <p className="muted">No bytes yet.</p> : null}
      <ol className="chunks" ref={list} onScroll={onScroll} aria-label="Traffic log">
        {chunks.map((c) => (
          <ChunkItem key={c.seq} chunk={c} mode={mode} />
        ))}
      </ol>
    </section>
  )
}
