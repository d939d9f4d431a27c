// One session's traffic: a live bytes-a-second chart, then every chunk as text with escapes
// or as a hex dump, directions coloured. It follows new chunks until the user scrolls up,
// and exports the whole log as text or hex.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
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

/** The ways the log can be shown. */
const MODES = ['text', 'hex'] as const

/** Role, protocol and fd: data words, the same in every language. */
function kindOf(s: Session): string {
  return `${s.role} · ${s.protocol}${s.tls ? '+TLS' : ''} · fd ${s.fd ?? '—'}`
}

/** Who the session is and, for TLS, what the handshake agreed; plaintext beside the wire. */
export function SessionFacts({ session: s }: { readonly session: Session }): ReactElement {
  const { t } = useTranslation('echo')
  const kernel = s.kernel?.tcpInfo
  return (
    <p className="facts-line" aria-label={t('traffic.factsAria')}>
      <span>{kindOf(s)}</span>
      {s.tls ? (
        <>
          <span data-fact="tls-version">{s.tls.version ?? '—'}</span>
          <span data-fact="tls-cipher">{s.tls.cipher ?? '—'}</span>
          {s.tls.alpn ? <span>ALPN {s.tls.alpn}</span> : null}
          {s.tls.servername ? <span>SNI {s.tls.servername}</span> : null}
          <span data-fact="peer-cert">
            {s.tls.peerSubject
              ? t('traffic.peerCert', {
                  subject: s.tls.peerSubject,
                  validTo: s.tls.peerValidTo ?? '—'
                })
              : t('traffic.ownCert', {
                  subject: s.tls.localSubject ?? '—',
                  validTo: s.tls.localValidTo ?? '—'
                })}
          </span>
          {s.tls.authorized === false ? (
            <span className="muted">
              {t('traffic.notVerified')}
              {s.tls.authorizationError ? ` (${s.tls.authorizationError})` : ''}
            </span>
          ) : null}
        </>
      ) : null}
      <span data-fact="bytes" title={t('traffic.bytesTitle')}>
        {t('traffic.appBytes', {
          who: t(s.tls ? 'traffic.plaintext' : 'traffic.app'),
          bytesIn: s.bytesIn,
          bytesOut: s.bytesOut
        })}{' '}
        {s.tls ? `${t('traffic.encrypted')} ` : ''}
        {kernel
          ? t('traffic.kernelBytes', {
              bytesIn: kernel.bytesReceived ?? '—',
              bytesOut: kernel.bytesSent ?? '—'
            })
          : '—'}
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
  const { t } = useTranslation('echo')
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
        confirm(t('traffic.copied'))
      }
    } catch (err) {
      const e = err as Partial<InspectorError>
      setExportError(
        e.code
          ? (err as InspectorError)
          : {
              code: 'ECLIPBOARD',
              message: t('traffic.clipboardRefused'),
              hint: t('traffic.clipboardHint')
            }
      )
    }
  }

  return (
    <section className="panel traffic" aria-label={t('traffic.aria', { id: session.id })}>
      <header>
        <h2>{t('traffic.title', { id: session.id })}</h2>
        <div role="radiogroup" aria-label={t('traffic.showAs')} className="tabs">
          {MODES.map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={mode === m}
              onClick={() => setMode(m)}
            >
              {t(m === 'text' ? 'traffic.text' : 'traffic.hex')}
            </button>
          ))}
        </div>
        <button type="button" onClick={() => void exportAs(mode, 'clipboard')}>
          {t('traffic.copy')}
        </button>
        <button type="button" onClick={() => void exportAs('text', 'file')}>
          {t('traffic.exportText')}
        </button>
        <button type="button" onClick={() => void exportAs('hex', 'file')}>
          {t('traffic.exportHex')}
        </button>
        <PcapngButton
          api={api}
          target={{ sessionId: session.id }}
          filename={`${session.id}.pcapng`}
        />
        {confirmation ? (
          <span role="status" aria-label={t('traffic.copyAria')} className="muted fade">
            {confirmation}
          </span>
        ) : null}
        {follow ? (
          <span className="muted" role="status" aria-label={t('traffic.scrolling')}>
            {t('traffic.following')}
          </span>
        ) : (
          <button type="button" onClick={() => setFollow(true)}>
            {t('traffic.paused')}
          </button>
        )}
      </header>
      <SessionFacts session={session} />
      <SessionRateChart rates={rates} id={session.id} now={now} />
      {session.trafficDroppedBytes > 0 ? (
        <p className="muted">{t('traffic.dropped', { count: session.trafficDroppedBytes })}</p>
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
      {chunks.length === 0 ? <p className="muted">{t('traffic.noBytes')}</p> : null}
      <ol className="chunks" ref={list} onScroll={onScroll} aria-label={t('traffic.log')}>
        {chunks.map((c) => (
          <ChunkItem key={c.seq} chunk={c} mode={mode} />
        ))}
      </ol>
    </section>
  )
}
