// What the session list's buttons do, and the one message they leave: an error stays until
// the next action or a new selection; a confirmation is for the moment.
import { useCallback, useState } from 'react'
import type { InspectorApi } from '../../../../shared/contract'
import type { InspectorError } from '../../../../shared/model'
import type { SessionAction } from '../../components/session-table'
import { saveBase64, saveText } from '../../components/download'
import type { EchoStore } from '../../store/echo-store'
import type { ServerAction } from './group-header'

export interface EchoActions {
  readonly error: InspectorError | null
  readonly clearError: () => void
  readonly onSession: (id: string, action: SessionAction) => void
  readonly onServer: (id: string, action: ServerAction) => void
  readonly onClearClosed: () => void
}

export function useEchoActions(api: InspectorApi, store: EchoStore): EchoActions {
  const [error, setError] = useState<InspectorError | null>(null)
  const run = useCallback((work: () => Promise<unknown>): void => {
    setError(null)
    work().catch((err: unknown) => setError(err as InspectorError))
  }, [])

  const onSession = useCallback(
    (id: string, action: SessionAction): void =>
      run(async () => {
        if (action === 'export') {
          saveText(`${id}-traffic.txt`, await api['session:export'](id, 'text'))
        } else if (action === 'dismiss') {
          await store.forget([id])
        } else {
          await api['session:close'](id, { mode: action === 'reset' ? 'reset' : 'close' })
        }
      }),
    [api, store, run]
  )

  const onServer = useCallback(
    (id: string, action: ServerAction): void =>
      run(async () => {
        if (action === 'stop') await api['echo:stop'](id)
        else if (action === 'pcapng')
          saveBase64(
            `${id}-sessions.pcapng`,
            await api['session:pcapng']({ listenerId: id }),
            'application/vnd.tcpdump.pcap'
          )
        else if (action === 'restart') await api['echo:restart'](id)
        else await api['echo:remove'](id)
      }),
    [api, run]
  )

  const onClearClosed = useCallback((): void => run(() => store.forget(null)), [store, run])

  return { error, clearError: () => setError(null), onSession, onServer, onClearClosed }
}
