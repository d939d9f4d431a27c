// The destructive actions as the user meets them, shared by the table's context menu and the
// port view: say what will happen, ask (unless settings turned that off), act, report. Two
// things always ask, whatever the setting: SIGKILL, and another user's process.
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReactElement } from 'react'
import type { TFunction } from 'i18next'
import type { CloseMode, StopResult } from '../../../shared/actions-model'
import type { InspectorApi } from '../../../shared/contract'
import { formatEndpoint } from '../../../shared/endpoint'
import type { Endpoint, InspectorError, SocketProtocol } from '../../../shared/model'
import { localizeError } from '../../../shared/error-ids'
import { i18n } from '../i18n'
import { say } from '../i18n/say'
import { CommandError } from '../api'
import { ConfirmDialog } from './confirm-dialog'
import type { ConfirmRequest } from './confirm-dialog'

export interface CloseTarget {
  readonly protocol: SocketProtocol
  readonly local: Endpoint
  readonly remote: Endpoint
  readonly sessionId: string | null
  /** "node (pid 812)", for the sentence (in the user's language). */
  readonly owner: string | null
}

export type ActionNotice =
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'error'; readonly error: InspectorError }

export interface ActionFlow {
  closeConnection(target: CloseTarget, mode: CloseMode): Promise<boolean>
  stopProcess(pid: number, name: string | null): Promise<StopResult | null>
  /** `what` names the copied thing inside "Copied …", in the user's language. */
  copy(text: string, what: string): void
  readonly overlay: ReactElement
}

function asError(err: unknown): InspectorError {
  // The id and params travel on, so the error reads in the user's language where it shows.
  if (err instanceof CommandError)
    return {
      code: err.code,
      message: err.message,
      ...(err.hint !== undefined ? { hint: err.hint } : {}),
      ...(err.id !== undefined ? { id: err.id } : {}),
      ...(err.params !== undefined ? { params: err.params } : {})
    }
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

/**
 * SIGTERM after a first yes; another user's process after a second; SIGKILL only after a
 * second yes too, when SIGTERM left it running. null when the user said no at the start.
 */
async function stopFlow(
  api: InspectorApi,
  ask: Ask,
  t: TFunction<'actions'>,
  pid: number,
  name: string | null
): Promise<StopResult | { error: InspectorError } | null> {
  const who = t('stop.who', { name: name ?? t('stop.theProcess'), pid })
  const ok = await ask({
    title: t('stop.title', { who }),
    body: t('stop.body', { name: name ?? t('stop.it') }),
    confirmLabel: t('stop.confirm')
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
          title: localizeError(error, i18n).message,
          body: t('stop.otherUserBody'),
          confirmLabel: t('stop.otherUserConfirm')
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
      title: t('kill.title', { who }),
      body: t('kill.body', { message: say(first.said, first.message) }),
      confirmLabel: t('kill.confirm')
    },
    true
  )
  return kill ? run(true) : first
}

export function useActions(api: InspectorApi): ActionFlow {
  const { t } = useTranslation('actions')
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
      const reset = mine && mode === 'reset'
      const body = mine
        ? mode === 'reset'
          ? t('close.mineReset')
          : t('close.mineGraceful')
        : t('close.kernel', { owner: target.owner ?? t('close.itsProcess') })
      const ok = await ask({
        title: t(reset ? 'close.resetTitle' : 'close.closeTitle', { what }),
        body,
        confirmLabel: t(reset ? 'close.resetConfirm' : 'close.closeConfirm')
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
        setNotice({ kind: 'done', text: say(r.said, r.message) })
        return true
      } catch (err) {
        setNotice({ kind: 'error', error: asError(err) })
        return false
      }
    },
    [api, ask, t]
  )

  const stopProcess = useCallback(
    async (pid: number, name: string | null): Promise<StopResult | null> => {
      const outcome = await stopFlow(api, ask, t, pid, name)
      if (outcome === null) return null
      if ('error' in outcome) {
        setNotice({ kind: 'error', error: outcome.error })
        return null
      }
      setNotice({ kind: 'done', text: say(outcome.said, outcome.message) })
      return outcome
    },
    [api, ask, t]
  )

  const copy = useCallback(
    (text: string, what: string): void => {
      navigator.clipboard.writeText(text).then(
        () => setNotice({ kind: 'done', text: t('copy.done', { what }) }),
        () =>
          setNotice({
            kind: 'error',
            error: {
              code: 'ECLIPBOARD',
              message: t('copy.refused'),
              hint: t('copy.refusedHint')
            }
          })
      )
    },
    [t]
  )

  // An error is said when it shows, so it follows a change of language while it is up.
  const shown = notice?.kind === 'error' ? localizeError(notice.error, i18n) : null
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
            <strong>{notice.kind === 'done' ? notice.text : shown?.message}</strong>
            {shown?.hint ? <p>{shown.hint}</p> : null}
          </div>
          <button type="button" aria-label={t('notice.dismiss')} onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      ) : null}
    </>
  )
  return { closeConnection, stopProcess, copy, overlay }
}
