// The Echo view's part of the settings (saved payloads and servers): read once, kept current
// by settings:changed (another window or tab may change it), written back whole.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { InspectorApi } from '../../../../shared/contract'
import type { InspectorError } from '../../../../shared/model'
import type { EchoSettings } from '../../../../shared/settings-schema'

const EMPTY: EchoSettings = { savedPayloads: [], savedServers: [] }

export interface EchoSettingsHandle {
  readonly echo: EchoSettings
  readonly error: InspectorError | null
  readonly save: (next: EchoSettings) => Promise<boolean>
}

export function useEchoSettings(api: InspectorApi): EchoSettingsHandle {
  const [echo, setEcho] = useState<EchoSettings>(EMPTY)
  const [error, setError] = useState<InspectorError | null>(null)
  useEffect(() => {
    let live = true
    api['settings:get']().then(
      (s) => live && setEcho(s.echo),
      (err: unknown) => live && setError(err as InspectorError)
    )
    const off = api.on('settings:changed', (s) => setEcho(s.echo))
    return () => {
      live = false
      off()
    }
  }, [api])
  const save = useCallback(
    async (next: EchoSettings): Promise<boolean> => {
      setError(null)
      try {
        setEcho((await api['settings:set']({ echo: next })).echo)
        return true
      } catch (err) {
        setError(err as InspectorError)
        return false
      }
    },
    [api]
  )
  // One object while nothing changes, so the forms that take it can skip a render.
  return useMemo(() => ({ echo, error, save }), [echo, error, save])
}
