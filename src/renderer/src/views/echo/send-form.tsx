// Send to a client: text (with escapes) or hex, typed or read from a file, once or repeated
// at an interval. A running repeat shows how far it got and can be stopped; Send waits
// (disabled, saying why) until it is done.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectorApi } from '../../../../shared/contract'
import { formatEndpoint } from '../../../../shared/endpoint'
import { LIMITS } from '../../../../shared/limits'
import type { PayloadEncoding, SendProgress, Session } from '../../../../shared/model'
import { decodePayload, PayloadError, repeatReason } from '../../../../shared/payload'
import { ErrorNote } from '../../components/error-note'
import { FieldProblem, useAction } from '../../components/form-bits'
import { formatBytes, formatCount } from '../../components/format'
import { i18n } from '../../i18n'
import { say } from '../../i18n/say'

/**
 * The newest open clients the picker lists (and the target, always); with a thousand, the
 * session list on the left is the way to pick one: selecting a client aims the console at it.
 */
export const CLIENTS_LISTED = 50

/** A file's bytes go as hex, two characters a byte, within the payload's limit. */
export const MAX_FILE_BYTES = Math.floor(LIMITS.payloadChars / 2)

export interface Payload {
  readonly data: string
  readonly encoding: PayloadEncoding
  readonly repeat: string
  readonly intervalMs: string
}

export const FIRST_PAYLOAD: Payload = {
  data: 'Hello, server!',
  encoding: 'text',
  repeat: '1',
  intervalMs: '0'
}

function payloadProblem(data: string, encoding: PayloadEncoding): string | null {
  try {
    decodePayload(data, encoding)
    return null
  } catch (err) {
    const reason = err instanceof PayloadError ? say(err.said, err.message) : String(err)
    return i18n.t('echo:send.payloadProblem', { reason })
  }
}

/** The core refuses repeats that would queue too many bytes; say so before Send. */
function queueProblem(data: string, encoding: PayloadEncoding, repeat: string): string | null {
  const tooMuch = repeatReason(decodePayload(data, encoding).length, Number(repeat))
  return tooMuch
    ? i18n.t('echo:send.queueProblem', { reason: say(tooMuch.said, tooMuch.text) })
    : null
}

function countProblem(text: string, what: string, min: number, max: number): string | null {
  const n = Number(text)
  return /^\d+$/.test(text) && n >= min && n <= max
    ? null
    : i18n.t('echo:send.countProblem', { what, min, max })
}

export function problemOf(p: Payload): string | null {
  return (
    payloadProblem(p.data, p.encoding) ??
    countProblem(p.repeat, i18n.t('echo:send.repeatWhat'), LIMITS.repeat.min, LIMITS.repeat.max) ??
    countProblem(
      p.intervalMs,
      i18n.t('echo:send.intervalWhat'),
      LIMITS.intervalMs.min,
      LIMITS.intervalMs.max
    ) ??
    queueProblem(p.data, p.encoding, p.repeat)
  )
}

/** A client's kind in the picker: its protocol, or tls. */
const kindOf = (s: Session): string => (s.tls ? 'tls' : s.protocol)

function hexOf(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

export function RepeatProgress({
  progress,
  onStop
}: {
  readonly progress: SendProgress
  readonly onStop: () => void
}): ReactElement {
  const { t } = useTranslation('echo')
  const { sent, total, bytesPerSend, state } = progress
  const what = state === 'running' ? 'sending' : state === 'stopped' ? 'stoppedAt' : 'sent'
  return (
    <p
      role="status"
      aria-label={t('send.progressAria')}
      className="muted progress"
      data-state={state}
    >
      {/* Stop comes first, so it stays put while the count beside it grows. */}
      {state === 'running' ? (
        <button type="button" onClick={onStop}>
          {t('send.stop')}
        </button>
      ) : null}
      <progress max={total} value={sent} />
      {t(`send.${what}`)}{' '}
      {t('send.progressOf', {
        sent,
        total,
        sentBytes: formatBytes(sent * bytesPerSend),
        totalBytes: formatBytes(total * bytesPerSend)
      })}
    </p>
  )
}

export interface SendFormProps {
  readonly api: InspectorApi
  readonly open: readonly Session[]
  readonly target: Session
  readonly onTarget: (id: string) => void
  readonly payload: Payload
  readonly onPayload: (p: Payload) => void
}

export function SendForm({
  api,
  open,
  target,
  onTarget,
  payload,
  onPayload
}: SendFormProps): ReactElement {
  const { t } = useTranslation('echo')
  const [error, act] = useAction()
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const problem = fileProblem ?? problemOf(payload)
  const running = target.sending?.state === 'running'
  const listed = open.slice(-CLIENTS_LISTED)
  if (!listed.includes(target)) listed.unshift(target)
  const unlisted = open.length - listed.length
  const set = (change: Partial<Payload>): void => {
    setFileProblem(null)
    onPayload({ ...payload, ...change })
  }

  const readFile = async (file: File): Promise<void> => {
    if (file.size > MAX_FILE_BYTES) {
      let [size, max] = [formatBytes(file.size), formatBytes(MAX_FILE_BYTES)]
      // Just over the limit both round to one figure: say the bytes.
      if (size === max)
        [size, max] = [`${formatCount(file.size)} B`, `${formatCount(MAX_FILE_BYTES)} B`]
      setFileProblem(t('send.fileTooBig', { name: file.name, size, max }))
      return
    }
    onPayload({
      ...payload,
      encoding: 'hex',
      data: hexOf(new Uint8Array(await file.arrayBuffer()))
    })
    setFileProblem(null)
  }

  const send = (): void =>
    void act(() =>
      api['client:send'](target.id, {
        data: payload.data,
        encoding: payload.encoding,
        repeat: Number(payload.repeat),
        intervalMs: Number(payload.intervalMs)
      })
    )

  return (
    <>
      <form
        className="fields"
        aria-label={t('send.form')}
        onSubmit={(e) => {
          e.preventDefault()
          if (!problem && !running) send()
        }}
      >
        <label>
          {t('send.client')}
          <select value={target.id} onChange={(e) => onTarget(e.target.value)}>
            {listed.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id} ({kindOf(s)} → {formatEndpoint(s.remote)})
              </option>
            ))}
            {unlisted > 0 ? (
              <option disabled value="">
                {t('send.more', { count: unlisted })}
              </option>
            ) : null}
          </select>
        </label>
        <label>
          {t('send.as')}
          <select
            value={payload.encoding}
            onChange={(e) => set({ encoding: e.target.value as PayloadEncoding })}
          >
            <option value="text">{t('send.text')}</option>
            <option value="hex">{t('send.hex')}</option>
          </select>
        </label>
        <label className="grow">
          {t('send.payload')}
          <input
            value={payload.data}
            aria-invalid={problem !== null}
            aria-describedby="send-problem"
            onChange={(e) => set({ data: e.target.value })}
          />
        </label>
        <label className="file" title={t('send.fileTitle', { max: formatBytes(MAX_FILE_BYTES) })}>
          {t('send.fromFile')}
          <input
            type="file"
            onChange={(e) => {
              const file = e.target.files?.[0]
              if (file) void readFile(file)
              e.target.value = ''
            }}
          />
        </label>
        <label className="narrow">
          {t('send.repeat')}
          <input
            value={payload.repeat}
            inputMode="numeric"
            onChange={(e) => set({ repeat: e.target.value })}
          />
        </label>
        <label className="narrow">
          {t('send.every')}
          <input
            value={payload.intervalMs}
            inputMode="numeric"
            onChange={(e) => set({ intervalMs: e.target.value })}
          />
        </label>
        <button
          type="submit"
          disabled={problem !== null || running}
          title={running ? t('send.runningTitle') : undefined}
        >
          {t('send.send')}
        </button>
        <button type="button" onClick={() => void act(() => api['client:close'](target.id))}>
          {t('send.close')}
        </button>
        <button
          type="button"
          title={t('send.resetTitle')}
          onClick={() => void act(() => api['client:reset'](target.id))}
        >
          {t('send.reset')}
        </button>
      </form>
      <FieldProblem id="send-problem" problem={problem} />
      {target.sending && target.sending.total > 1 ? (
        <RepeatProgress
          progress={target.sending}
          onStop={() => void act(() => api['client:stop'](target.id))}
        />
      ) : null}
      {error ? <ErrorNote error={error} /> : null}
    </>
  )
}
