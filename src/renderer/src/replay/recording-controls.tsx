// The header's Record and Open controls: Record writes a recording on the core's machine
// (then offers to replay or download it, in a notice row under the header: in the header's
// own row it would push the tabs onto a second line); Open replays a file from this computer
// or one saved on the core's machine (open-menu.tsx).
import { useCallback, useState } from 'react'
import { createPortal } from 'react-dom'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectorApi } from '../../../shared/contract'
import type { RecordingInfo } from '../../../shared/export-schema'
import type { InspectorError } from '../../../shared/model'
import { isInspectorError } from '../../../shared/errors'
import { ErrorNote } from '../components/error-note'
import { formatBytes, formatDuration } from '../components/format'
import { useNow } from '../components/use-now'
import { OpenMenu } from './open-menu'
import { base64Bytes } from './open-recording'
import type { Replay } from './use-replay'

export interface RecordingControlsProps {
  readonly api: InspectorApi
  readonly replay: Replay
  /** Where the saved notice goes (a row under the header); inline until it exists. */
  readonly noticeSlot?: HTMLElement | null
}

function saveBytes(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/gzip' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

export function RecordingControls({
  api,
  replay,
  noticeSlot
}: RecordingControlsProps): ReactElement {
  const { t } = useTranslation('replay')
  const [recording, setRecording] = useState<RecordingInfo | null>(null)
  const [saved, setSaved] = useState<RecordingInfo | null>(null)
  const [error, setError] = useState<InspectorError | null>(null)
  const [stopping, setStopping] = useState(false)
  const now = useNow(1_000)
  const fail = useCallback(
    (err: unknown): void =>
      setError(isInspectorError(err) ? err : { code: 'EINTERNAL', message: String(err) }),
    []
  )
  const run = (p: Promise<void>): void => void p.catch(fail)

  const start = (): void =>
    run(
      api['record:start']().then((info) => {
        setError(null)
        setSaved(null)
        setRecording(info)
      })
    )
  const stop = (): void => {
    setStopping(true)
    run(
      api['record:stop']()
        .then((info) => {
          setRecording(null)
          setSaved(info)
        })
        .finally(() => setStopping(false))
    )
  }
  const fetchSaved = async (): Promise<Uint8Array> =>
    base64Bytes((await api['recording:open'](saved!.name)).gzipBase64)

  const savedNotice = saved ? (
    <span className="recording-saved" role="status">
      {t('controls.saved', { name: saved.name, size: formatBytes(saved.bytesWritten) })}
      <button
        type="button"
        onClick={() => run(api['recording:open'](saved.name).then((data) => replay.openData(data)))}
      >
        {t('controls.replay')}
      </button>
      <button type="button" onClick={() => run(fetchSaved().then((b) => saveBytes(saved.name, b)))}>
        {t('controls.download')}
      </button>
      <button
        type="button"
        className="dismiss"
        aria-label={t('controls.dismiss')}
        title={t('controls.dismiss')}
        onClick={() => setSaved(null)}
      >
        {t('controls.dismissIcon')}
      </button>
    </span>
  ) : null
  const shown = error ?? replay.error
  const notices = (
    <>
      {savedNotice}
      {shown ? <ErrorNote error={shown} /> : null}
    </>
  )

  return (
    <div className="recording-controls" aria-label={t('controls.aria')}>
      {recording ? (
        <button
          type="button"
          className="record-button"
          data-recording="true"
          onClick={stop}
          disabled={stopping}
        >
          {stopping ? t('controls.finishing') : t('controls.stop')}{' '}
          <span className="muted">{formatDuration(Math.max(0, now - recording.startedAt))}</span>
        </button>
      ) : (
        <button
          type="button"
          className="record-button"
          onClick={start}
          disabled={replay.source !== null}
          title={t('controls.recordTitle')}
        >
          {t('controls.record')}
        </button>
      )}
      <OpenMenu api={api} replay={replay} onError={fail} />
      {noticeSlot ? createPortal(notices, noticeSlot) : notices}
    </div>
  )
}
