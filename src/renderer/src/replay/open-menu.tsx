// The header's "Open recording…": a file from this computer, or one the Record button saved
// on the core's machine (its recordings folder, newest first). In browser mode that folder
// is on the machine `serve` runs on, so this is how a recording made there is found again
// after a reload.
import { useEffect, useRef, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectorApi } from '../../../shared/contract'
import type { RecordingFile } from '../../../shared/export-schema'
import { formatBytes, formatWhen } from '../components/format'
import type { Replay } from './use-replay'

/** Saved recordings the menu lists; the folder may hold more (the newest come first). */
export const RECENT_SHOWN = 10

export interface OpenMenuProps {
  readonly api: InspectorApi
  readonly replay: Replay
  /** A failed command, for the controls' notice. */
  readonly onError: (err: unknown) => void
}

export function OpenMenu({ api, replay, onError }: OpenMenuProps): ReactElement {
  const { t } = useTranslation('replay')
  const [open, setOpen] = useState(false)
  /** The folder's files, and when they were read (their ages are as of then). */
  const [read, setRead] = useState<{ files: readonly RecordingFile[]; at: number } | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const root = useRef<HTMLDetailsElement>(null)

  // Read the folder each time the menu opens; close it on a click elsewhere or Escape.
  useEffect(() => {
    if (!open) return
    let live = true
    api['recording:list']().then(
      (files) => live && setRead({ files, at: Date.now() }),
      (err: unknown) => {
        if (!live) return
        setRead({ files: [], at: Date.now() })
        onError(err)
      }
    )
    const away = (e: Event): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    const escape = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setOpen(false)
    }
    document.addEventListener('mousedown', away)
    document.addEventListener('keydown', escape)
    return () => {
      live = false
      document.removeEventListener('mousedown', away)
      document.removeEventListener('keydown', escape)
    }
  }, [open, api, onError])

  const replaySaved = (name: string): void => {
    setOpen(false)
    api['recording:open'](name).then((data) => replay.openData(data), onError)
  }
  const files = read?.files ?? null
  const shown = files?.slice(0, RECENT_SHOWN) ?? []

  return (
    <details
      ref={root}
      className="open-menu"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary title={t('controls.openTitle')}>{t('controls.open')}</summary>
      <div className="open-menu-panel" role="group" aria-label={t('open.aria')}>
        <button
          type="button"
          onClick={() => {
            setOpen(false)
            input.current?.click()
          }}
        >
          {t('open.fromComputer')}
        </button>
        <p className="muted">{t('open.savedHere')}</p>
        {files === null ? (
          <p className="muted">{t('open.loading')}</p>
        ) : shown.length === 0 ? (
          <p className="muted">{t('open.none')}</p>
        ) : (
          <ul>
            {shown.map((f) => (
              <li key={f.name}>
                <button type="button" onClick={() => replaySaved(f.name)}>
                  {f.name}
                  <span className="muted">
                    {t('open.fileFacts', {
                      size: formatBytes(f.bytes),
                      when: formatWhen(f.modifiedAt, read!.at)
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {files !== null && files.length > RECENT_SHOWN ? (
          <p className="muted">{t('open.more', { n: files.length - RECENT_SHOWN })}</p>
        ) : null}
      </div>
      <input
        ref={input}
        type="file"
        accept=".gz,.sirec.gz"
        hidden
        aria-label={t('controls.file')}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0]
          if (file) replay.openFile(file)
          e.currentTarget.value = ''
        }}
      />
    </details>
  )
}
