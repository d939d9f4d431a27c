// One session's traffic: a live bytes-a-second chart, then every chunk as text with escapes
// or as a hex dump, directions coloured. It follows new chunks until the user scrolls up,
// and exports the whole log as text or hex.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
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
/** How long "Copied" shows (it fades over this time) before it goes. */
export const CONFIRMATION_MS = 2_500

/** Who the session is and, for TLS, what the handshake agreed; plaintext beside the wire. */
export function SessionFacts({ session: s }: { readonly session: Session }): ReactElement {
  const kernel = s.kernel?.tcpInfo
  return (
    <p className="facts-line" aria-label="Session facts">
      <span>
        {s.role} · {s.protocol}
        {s.tls ? '+TLS' : ''} · fd {s.fd ?? '—'}
      </span>
      {s.tls ? (
        <>
          <span data-fact="tls-version">{s.tls.version ?? '—'}</span>
          <span data-fact="tls-cipher">{s.tls.cipher ?? '—'}</span>
          {s.tls.alpn ? <span>ALPN {s.tls.alpn}</span> : null}
          {s.tls.servername ? <span>SNI {s.tls.servername}</span> : null}
          <span data-fact="peer-cert">
            {s.tls.peerSubject
              ? `peer ${s.tls.peerSubject}, valid to ${s.tls.peerValidTo ?? '—'}`
              : `own certificate ${s.tls.localSubject ?? '—'}, valid to ${s.tls.localValidTo ?? '—'}`}
          </span>
          {s.tls.authorized === false ? (
            <span className="muted">
              not verified{s.tls.authorizationError ? ` (${s.tls.authorizationError})` : ''}
            </span>
          ) : null}
        </>
      ) : null}
      <span
        data-fact="bytes"
        title="The app's counters beside TCP_INFO's (for TLS: plaintext beside encrypted)"
      >
        {s.tls ? 'plaintext' : 'app'} {s.bytesIn} in / {s.bytesOut} out · kernel{' '}
        {s.tls ? '(encrypted) ' : ''}
        {kernel ? `${kernel.bytesReceived ?? '—'} in / ${kernel.bytesSent ?? '—'} out` : '—'}
      </span>
    </p>
  )
}

/** "Copied", shown for a moment: a confirmation fades, unlike an error. */
function useConfirmation(): [string | null, (text: string) => void] {
  const [text, setText] = useState<string | null>(null)
  useEffect(() => {
    if (text === null) return
    const timer = setTimeout(() => setText(null), CONFIRMATION_MS)
    return () => clearTimeout(timer)
  }, [text])
  return [text, setText]
}

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
  const [confirmation, confirm] = useConfirmation()
  const list = useRef<HTMLOListElement>(null)
  const { chunks, error: loadError } = useTraffic(
    api,
    session.id,
    session.chunksIn + session.chunksOut
  )
  const error = exportError ?? loadError
  // The panel stays mounted as the selection moves (its chart is costly to build anew);
  // what was said about the last session goes with it.
  const [shownId, setShownId] = useState(session.id)
  if (shownId !== session.id) {
    setShownId(session.id)
    setExportError(null)
    setFollow(true)
  }

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

  const exportAs = async (format: ExportFormat, to: 'file' | 'clipboard'): Promise<void> => {
    setExportError(null)
    try {
      const text = await api['session:export'](session.id, format)
      if (to === 'file')
        saveText(`${session.id}-traffic${format === 'hex' ? '.hex' : ''}.txt`, text)
      else {
        await navigator.clipboard.writeText(text)
        confirm('Copied')
      }
    } catch (err) {
      const e = err as Partial<InspectorError>
      setExportError(
        e.code
          ? (err as InspectorError)
          : {
              code: 'ECLIPBOARD',
              message: 'The clipboard refused the text.',
              hint: 'Use Export instead, or allow this page to write to the clipboard.'
            }
      )
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
        <button type="button" onClick={() => void exportAs(mode, 'clipboard')}>
          Copy
        </button>
        <button type="button" onClick={() => void exportAs('text', 'file')}>
          Export text
        </button>
        <button type="button" onClick={() => void exportAs('hex', 'file')}>
          Export hex
        </button>
        <PcapngButton
          api={api}
          target={{ sessionId: session.id }}
          filename={`${session.id}.pcapng`}
        />
        {confirmation ? (
          <span role="status" aria-label="Copy" className="muted fade">
            {confirmation}
          </span>
        ) : null}
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
      <SessionFacts session={session} />
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
