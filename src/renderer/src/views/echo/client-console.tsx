// The client console: connect a client (TCP, TLS, UDP, Unix), then send to the selected
// client, or to the one chosen here; saved payloads sit beside the send form.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectorApi } from '../../../../shared/contract'
import type { Session } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import { useAction } from '../../components/form-bits'
import { ConnectForm } from './connect-form'
import { SavedPayloads } from './saved-payloads'
import { FIRST_PAYLOAD, SendForm } from './send-form'
import type { Payload } from './send-form'
import type { EchoSettingsHandle } from './use-echo-settings'

export interface ClientConsoleProps {
  readonly api: InspectorApi
  /** Every session; the console picks the app's own open clients. */
  readonly sessions: readonly Session[]
  /** The session selected in the list: when it is an open client, the console aims at it. */
  readonly selected: string | null
  /** Called with a new client's id, so the list and traffic panel follow it. */
  readonly onConnected: (id: string) => void
  readonly settings: EchoSettingsHandle
}

export function ClientConsole({
  api,
  sessions,
  selected,
  onConnected,
  settings
}: ClientConsoleProps): ReactElement {
  const { t } = useTranslation('echo')
  const [chosen, setChosen] = useState<string | null>(null)
  const [sendError, act] = useAction()
  const [payload, setPayload] = useState<Payload>(FIRST_PAYLOAD)
  const open = sessions.filter(
    (s) => s.role === 'client' && (s.state === 'open' || s.state === 'half-closed')
  )
  // The selected client; else the one chosen here while it is open; else the newest open one.
  const target =
    open.find((s) => s.id === selected) ??
    open.find((s) => s.id === chosen) ??
    open[open.length - 1] ??
    null
  return (
    <>
      <ConnectForm
        api={api}
        onConnected={(id) => {
          setChosen(id)
          onConnected(id)
        }}
      />
      {target === null ? (
        <p className="muted">{t('console.none')}</p>
      ) : (
        <SendForm
          api={api}
          open={open}
          target={target}
          onTarget={(id) => {
            setChosen(id)
            onConnected(id)
          }}
          payload={payload}
          onPayload={setPayload}
        />
      )}
      <SavedPayloads
        settings={settings}
        current={payload}
        onLoad={setPayload}
        onSend={
          target === null || target.sending?.state === 'running'
            ? null
            : (p) =>
                void act(() =>
                  api['client:send'](target.id, {
                    data: p.data,
                    encoding: p.encoding,
                    repeat: Number(p.repeat),
                    intervalMs: Number(p.intervalMs)
                  })
                )
        }
      />
      {sendError ? <ErrorNote error={sendError} /> : null}
    </>
  )
}
