// "Who holds this port?": ask for a port (and the address you want), see every socket on it
// and one sentence per address saying whether it can be bound now and why; act on a holder,
// or find a free port nearby.
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FormEvent, ReactElement } from 'react'
import { FREE_PORT_SPAN } from '../../../shared/actions-model'
import type { PortReport } from '../../../shared/actions-model'
import type { InspectorApi } from '../../../shared/contract'
import type { InspectorError } from '../../../shared/model'
import { ErrorNote } from '../components/error-note'
import { portProblem } from '../components/form-bits'
import type { ActionFlow } from '../components/use-actions'
import { useNow } from '../components/use-now'
import { say } from '../i18n/say'
import { HolderTable } from './port/holder-table'
import { VerdictList } from './port/verdict-list'

/** The answer is asked again this long after the last one came: holders come and go. */
const REFRESH_MS = 2_000

export interface PortAsk {
  readonly port: number
  readonly protocol: 'tcp' | 'udp'
  /** Bumped to ask again for the same port. */
  readonly seq: number
}

export interface PortViewProps {
  readonly api: InspectorApi
  readonly actions: ActionFlow
  readonly ask: PortAsk | null
}

const toError = (err: unknown): InspectorError =>
  err && typeof err === 'object' && 'code' in err && 'message' in err
    ? (err as InspectorError)
    : { code: 'EUI', message: String(err) }

export function PortView({ api, actions, ask }: PortViewProps): ReactElement {
  const { t } = useTranslation('port')
  const [text, setText] = useState(ask ? String(ask.port) : '3000')
  const [protocol, setProtocol] = useState<'tcp' | 'udp'>(ask?.protocol ?? 'tcp')
  const [address, setAddress] = useState('127.0.0.1')
  const [query, setQuery] = useState<{
    port: number
    protocol: 'tcp' | 'udp'
    address: string
  } | null>(ask ? { port: ask.port, protocol: ask.protocol, address: '127.0.0.1' } : null)
  const [report, setReport] = useState<PortReport | null>(null)
  const [error, setError] = useState<InspectorError | null>(null)
  const [free, setFree] = useState<{ near: number; port: number | null } | null>(null)
  const now = useNow(1_000)
  const problem = text === '' ? null : portProblem(text, false)

  // A new ask (the table's "Who holds port…", an Echo error's link) replaces the form.
  const [askSeq, setAskSeq] = useState(ask?.seq)
  if (ask && ask.seq !== askSeq) {
    setAskSeq(ask.seq)
    setText(String(ask.port))
    setProtocol(ask.protocol)
    setQuery({ port: ask.port, protocol: ask.protocol, address: '127.0.0.1' })
  }
  const [reloads, setReloads] = useState(0)
  const reload = useCallback(() => setReloads((n) => n + 1), [])

  useEffect(() => {
    if (!query) return
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    // The next ask waits for the last answer: a slow machine never piles them up.
    const load = async (): Promise<void> => {
      try {
        const answer = await api['port:who'](query)
        if (live) {
          setReport(answer)
          setError(null)
        }
      } catch (err) {
        if (live) setError(toError(err))
      }
      if (live) timer = setTimeout(() => void load(), REFRESH_MS)
    }
    void load()
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, query, reloads])

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    if (problem || text === '') return
    setFree(null)
    setQuery({ port: Number(text), protocol, address: address.trim() || '127.0.0.1' })
  }

  const findFree = async (): Promise<void> => {
    if (!query) return
    try {
      setFree({
        near: query.port,
        port: await api['port:free']({
          near: query.port,
          protocol: query.protocol,
          address: query.address
        })
      })
    } catch (err) {
      setError(toError(err))
    }
  }

  const shown = report && query && report.port === query.port ? report : null
  return (
    <section className="port-view" aria-label={t('view.aria')}>
      <form className="panel form port-form" onSubmit={submit}>
        <h2>{t('form.title')}</h2>
        <label>
          {t('form.port')}
          <input
            value={text}
            inputMode="numeric"
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'port-problem' : undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label>
          {t('form.protocol')}
          <select value={protocol} onChange={(e) => setProtocol(e.target.value as 'tcp' | 'udp')}>
            <option value="tcp">TCP</option>
            <option value="udp">UDP</option>
          </select>
        </label>
        <label>
          {t('form.address')}
          <input value={address} onChange={(e) => setAddress(e.target.value)} />
        </label>
        <button type="submit" disabled={problem !== null || text === ''}>
          {t('form.check')}
        </button>
        {problem ? (
          <p id="port-problem" className="problem" role="alert">
            {problem}
          </p>
        ) : null}
      </form>
      {error ? <ErrorNote error={error} /> : null}
      {shown ? (
        <div className="panel port-answer">
          <VerdictList verdicts={shown.verdicts} />
          {shown.holders.length > 0 ? (
            <HolderTable holders={shown.holders} now={now} actions={actions} onChanged={reload} />
          ) : (
            <p className="muted">
              {t('answer.noHolder', {
                protocol: shown.protocol.toUpperCase(),
                port: shown.port
              })}
            </p>
          )}
          {shown.blind.map((b) => (
            <p key={b} className="muted">
              {t('answer.note', { note: say(shown.blindSaid?.[b], b) })}
            </p>
          ))}
          <div className="free-port">
            <button type="button" onClick={() => void findFree()}>
              {t('answer.findFree', { port: shown.port })}
            </button>
            {free && free.near === shown.port ? (
              <span role="status">
                {' '}
                {free.port === null
                  ? t('answer.noneFree', { span: FREE_PORT_SPAN })
                  : t('answer.free', { port: free.port, address: query?.address })}
              </span>
            ) : null}
          </div>
        </div>
      ) : query && !error ? (
        <p className="muted">{t('answer.looking', { port: query.port })}</p>
      ) : null}
    </section>
  )
}
