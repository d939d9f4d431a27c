// The destructive actions as the user meets them, shared by the table's context menu and the
// port view: say what will happen, ask (unless settings turned that off), act, report. Two
// things always ask, whatever the setting: SIGKILL, and another user's process.
import { useCallback, useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { CloseMode, StopResult } from '../../../shared/actions-model'
import type { InspectorApi } from '../../../shared/contract'
import { formatEndpoint } from '../../../shared/endpoint'
import type { Endpoint, InspectorError, SocketProtocol } from '../../../shared/model'
import { CommandError } from '../api'
import { i18n } from '../i18n'
import { ConfirmDialog } from './confirm-dialog'
import type { ConfirmRequest } from './confirm-dialog'

export interface CloseTarget {
  readonly protocol: SocketProtocol
  readonly local: Endpoint
  readonly remote: Endpoint
  readonly sessionId: string | null
  /** "node (pid 812)", for the sentence. */
  readonly owner: string | null
}

export type ActionNotice =
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'error'; readonly error: InspectorError }

export interface ActionFlow {
  closeConnection(target: CloseTarget, mode: CloseMode): Promise<boolean>
  stopProcess(pid: number, name: string | null): Promise<StopResult | null>
  copy(text: string, what: string): void
  readonly overlay: ReactElement
}

function asError(err: unknown): InspectorError {
  if (err instanceof CommandError)
    return err.hint === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, hint: err.hint }
  return { code: 'EUI', message: err instanceof Error ? err.message : String(err) }
}

/** The user's `confirmDestructive` setting, kept current. */
function useConfirmSetting(api: InspectorApi): boolean {
  const [on, setOn] = useState(true)
  useEffect(() => {
    let live = true
    api['settings:get']().then(
      (s) => live && setOn(s.confirmDestructive),
      () => undefined
    )
    const off = api.on('settings:changed', (s) => setOn(s.confirmDestructive))
    return () => {
      live = false
      off()
    }
  }, [api])
  return on
}

type Ask = (req: ConfirmRequest, always?: boolean) => Promise<boolean>

/** The flow's words (common:actions.*), in the UI's language when the flow runs. */
const tr = (key: string, params?: Record<string, unknown>): string =>
  i18n.t(`actions.${key}`, { ns: 'common', ...params })

/**
 * SIGTERM after a first yes; another user's process after a second; SIGKILL only after a
 * second yes too, when SIGTERM left it running. null when the user said no at the start.
 */
async function stopFlow(
  api: InspectorApi,
  ask: Ask,
  pid: number,
  name: string | null
): Promise<StopResult | { error: InspectorError } | null> {
  const who = tr('who', { name: name ?? tr('theProcess'), pid })
  const ok = await ask({
    title: tr('stopTitle', { who }),
    body: tr('stopBody', { name: name ?? tr('it') }),
    confirmLabel: tr('stopConfirm')
  })
  if (!ok) return null
  let otherUser = false
  const run = async (force: boolean): Promise<StopResult | { error: InspectorError }> => {
    try {
      return await api['process:stop']({ pid, force, otherUser })
    } catch (err) {
      const error = asError(err)
      if (error.code !== 'EOTHERUSER' || otherUser) return { error }
      const again = await ask(
        {
          title: error.message,
          body: tr('otherUserBody'),
          confirmLabel: tr('otherUserConfirm')
        },
        true
      )
      if (!again) return { error }
      otherUser = true
      return run(force)
    }
  }
  const first = await run(false)
  if ('error' in first || first.outcome !== 'running') return first
  const kill = await ask(
    {
      title: tr('stillRunning', { who }),
      body: tr('killBody', { message: first.message }),
      confirmLabel: tr('killConfirm')
    },
    true
  )
  return kill ? run(true) : first
}

export function useActions(api: InspectorApi): ActionFlow {
  const { t } = useTranslation('common')
  const confirmOn = useConfirmSetting(api)
  const [asking, setAsking] = useState<(ConfirmRequest & { answer: (y: boolean) => void }) | null>(
    null
  )
  const [notice, setNotice] = useState<ActionNotice | null>(null)

  const ask = useCallback(
    (req: ConfirmRequest, always = false): Promise<boolean> => {
      if (!confirmOn && !always) return Promise.resolve(true)
      return new Promise((resolve) =>
        setAsking({
          ...req,
          answer: (yes) => {
            setAsking(null)
            resolve(yes)
          }
        })
      )
    },
    [confirmOn]
  )

  const closeConnection = useCallback(
    async (target: CloseTarget, mode: CloseMode): Promise<boolean> => {
      const what = `${formatEndpoint(target.local)} ⇄ ${formatEndpoint(target.remote)}`
      const mine = target.sessionId !== null
      const body = mine
        ? mode === 'reset'
          ? tr('resetOwnBody')
          : tr('closeOwnBody')
        : tr('abortBody', { owner: target.owner ?? tr('itsProcess') })
      const reset = mine && mode === 'reset'
      const ok = await ask({
        title: tr(reset ? 'resetTitle' : 'closeTitle', { what }),
        body,
        confirmLabel: tr(reset ? 'resetConfirm' : 'closeConfirm')
      })
      if (!ok) return false
      try {
        const r = await api['socket:close']({
          protocol: target.protocol,
          local: target.local,
          remote: target.remote,
          mode,
          ...(target.sessionId ? { sessionId: target.sessionId } : {})
        })
        setNotice({ kind: 'done', text: r.message })
        return true
      } catch (err) {
        setNotice({ kind: 'error', error: asError(err) })
        return false
      }
    },
    [api, ask]
  )

  const stopProcess = useCallback(
    async (pid: number, name: string | null): Promise<StopResult | null> => {
      const outcome = await stopFlow(api, ask, pid, name)
      if (outcome === null) return null
      if ('error' in outcome) {
        setNotice({ kind: 'error', error: outcome.error })
        return null
      }
      setNotice({ kind: 'done', text: outcome.message })
      return outcome
    },
    [api, ask]
  )

  const copy = useCallback((text: string, what: string): void => {
    navigator.clipboard.writeText(text).then(
      () => setNotice({ kind: 'done', text: tr('copied', { what }) }),
      () =>
        setNotice({
          kind: 'error',
          error: {
            code: 'ECLIPBOARD',
            message: tr('clipboardRefused'),
            hint: tr('clipboardHint')
          }
        })
    )
  }, [])

  const overlay = (
    <>
      {asking ? (
        <ConfirmDialog
          title={asking.title}
          body={asking.body}
          confirmLabel={asking.confirmLabel}
          onAnswer={asking.answer}
        />
      ) : null}
      {notice ? (
        <div
          className="action-notice panel"
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-kind={notice.kind}
        >
          <div>
            <strong>{notice.kind === 'done' ? notice.text : notice.error.message}</strong>
            {notice.kind === 'error' && notice.error.hint ? <p>{notice.error.hint}</p> : null}
          </div>
          <button type="button" aria-label={t('button.dismiss')} onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      ) : null}
    </>
  )
  return { closeConnection, stopProcess, copy, overlay }
}
