// Saved payloads beside the send form: save the current one under a name, pick one to load
// or send as it is, rename, delete (asking first). Kept in settings under `echo`.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { SavedPayload } from '../../../../shared/settings-schema'
import { ECHO_SAVED_LIMITS } from '../../../../shared/settings-schema'
import { ErrorNote } from '../../components/error-note'
import { FieldProblem } from '../../components/form-bits'
import type { Payload } from './send-form'
import type { EchoSettingsHandle } from './use-echo-settings'

export function toSaved(name: string, p: Payload): SavedPayload {
  return {
    name: name.trim(),
    data: p.data,
    encoding: p.encoding,
    repeat: Number(p.repeat),
    intervalMs: Number(p.intervalMs)
  }
}

export function fromSaved(s: SavedPayload): Payload {
  return {
    data: s.data,
    encoding: s.encoding,
    repeat: String(s.repeat ?? 1),
    intervalMs: String(s.intervalMs ?? 0)
  }
}

export interface SavedPayloadsProps {
  readonly settings: EchoSettingsHandle
  readonly current: Payload
  readonly onLoad: (p: Payload) => void
  /** Sends a saved payload as it is; absent when there is no client to send to. */
  readonly onSend: ((p: Payload) => void) | null
}

export function SavedPayloads({
  settings,
  current,
  onLoad,
  onSend
}: SavedPayloadsProps): ReactElement {
  const { t } = useTranslation('echo')
  const { echo, save, error } = settings
  const list = echo.savedPayloads
  const [picked, setPicked] = useState('')
  const [name, setName] = useState('')
  const [confirming, setConfirming] = useState(false)
  const chosen = list.find((p) => p.name === picked) ?? null
  const trimmed = name.trim()
  const problem =
    current.data.length > ECHO_SAVED_LIMITS.payloadChars
      ? t('payloads.tooBig', { max: ECHO_SAVED_LIMITS.payloadChars })
      : trimmed.length > ECHO_SAVED_LIMITS.nameChars
        ? t('payloads.nameTooLong', { max: ECHO_SAVED_LIMITS.nameChars })
        : null
  const replacing = list.some((p) => p.name === trimmed)
  const full = !replacing && list.length >= ECHO_SAVED_LIMITS.payloads

  const write = (next: SavedPayload[]): Promise<boolean> => save({ ...echo, savedPayloads: next })
  const saveCurrent = async (): Promise<void> => {
    const entry = toSaved(trimmed, current)
    const next = replacing ? list.map((p) => (p.name === trimmed ? entry : p)) : [...list, entry]
    if (await write(next)) setPicked(trimmed)
  }
  const rename = async (): Promise<void> => {
    if (!chosen || trimmed === '' || list.some((p) => p.name === trimmed)) return
    if (await write(list.map((p) => (p === chosen ? { ...p, name: trimmed } : p))))
      setPicked(trimmed)
  }
  const remove = async (): Promise<void> => {
    setConfirming(false)
    if (chosen && (await write(list.filter((p) => p !== chosen)))) setPicked('')
  }

  return (
    <div className="fields saved" role="group" aria-label={t('payloads.group')}>
      <label>
        {t('payloads.label')}
        <select
          value={chosen ? chosen.name : ''}
          onChange={(e) => {
            setPicked(e.target.value)
            setConfirming(false)
          }}
        >
          <option value="">
            {list.length === 0 ? t('payloads.noneSaved') : t('payloads.pick')}
          </option>
          {list.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!chosen} onClick={() => chosen && onLoad(fromSaved(chosen))}>
        {t('payloads.load')}
      </button>
      <button
        type="button"
        disabled={!chosen || !onSend}
        onClick={() => chosen && onSend?.(fromSaved(chosen))}
      >
        {t('payloads.sendSaved')}
      </button>
      {confirming ? (
        <span className="confirm" role="alertdialog" aria-label={t('payloads.deleteAria')}>
          {t('payloads.deleteQuestion', { name: chosen?.name ?? '' })}
          <button type="button" onClick={() => void remove()}>
            {t('payloads.delete')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('payloads.keep')}
          </button>
        </span>
      ) : (
        <button type="button" disabled={!chosen} onClick={() => setConfirming(true)}>
          {t('payloads.deleteEllipsis')}
        </button>
      )}
      <label>
        {t('payloads.name')}
        <input
          value={name}
          placeholder={t('payloads.namePlaceholder')}
          aria-invalid={problem !== null}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <button
        type="button"
        disabled={trimmed === '' || problem !== null || full}
        title={full ? t('payloads.full', { max: ECHO_SAVED_LIMITS.payloads }) : undefined}
        onClick={() => void saveCurrent()}
      >
        {replacing ? t('payloads.replace') : t('payloads.saveCurrent')}
      </button>
      <button
        type="button"
        disabled={!chosen || trimmed === '' || replacing}
        onClick={() => void rename()}
      >
        {t('payloads.rename')}
      </button>
      <FieldProblem id="saved-problem" problem={problem} />
      {error ? <ErrorNote error={error} /> : null}
    </div>
  )
}
