// Which recording, if any, the window is replaying; opening one from bytes, a file, or the
// core (the Record button's files, `serve --open FILE`, the desktop app's File → Open).
import { useCallback, useEffect, useState } from 'react'
import type { InspectorApi } from '../../../shared/contract'
import type { InspectorError } from '../../../shared/model'
import { isInspectorError } from '../../../shared/errors'
import type { RecordingData } from '../../../shared/export-schema'
import { base64Bytes, openRecordingBytes } from './open-recording'
import { ReplaySource } from './replay-source'

export interface Replay {
  readonly source: ReplaySource | null
  readonly error: InspectorError | null
  openFile(file: File): void
  openData(data: RecordingData): void
  close(): void
}

const toError = (err: unknown): InspectorError =>
  isInspectorError(err)
    ? err
    : { code: 'EBADRECORDING', message: err instanceof Error ? err.message : String(err) }

export function useReplay(live: InspectorApi, ready: boolean): Replay {
  const [source, setSource] = useState<ReplaySource | null>(null)
  const [error, setError] = useState<InspectorError | null>(null)

  const openBytes = useCallback(
    (name: string, bytes: Promise<Uint8Array>) => {
      setError(null)
      bytes
        .then((b) => openRecordingBytes(b))
        .then((parsed) => setSource(new ReplaySource(name, parsed, live)))
        .catch((err: unknown) => setError(toError(err)))
    },
    [live]
  )
  const openFile = useCallback(
    (file: File) =>
      openBytes(
        file.name,
        file.arrayBuffer().then((b) => new Uint8Array(b))
      ),
    [openBytes]
  )
  const openData = useCallback(
    (data: RecordingData) => openBytes(data.name, Promise.resolve(base64Bytes(data.gzipBase64))),
    [openBytes]
  )

  // `serve --open FILE`: the core offers its recording once the link is up.
  useEffect(() => {
    if (!ready) return
    live['recording:startup']().then(
      (data) => (data ? openData(data) : undefined),
      (err: unknown) => setError(toError(err))
    )
  }, [live, ready, openData])

  // The desktop app's File → Open: main hands the path to the core, which offers it here.
  useEffect(() => {
    if (!ready) return
    return live.on('recording:offered', (offer) =>
      openBytes(
        offer.name,
        live['recording:take'](offer.id).then((data) => base64Bytes(data.gzipBase64))
      )
    )
  }, [live, ready, openBytes])

  return {
    source,
    error,
    openFile,
    openData,
    close: () => {
      setSource(null)
      setError(null)
    }
  }
}
