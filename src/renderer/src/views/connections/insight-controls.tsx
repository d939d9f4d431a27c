// The Connections toolbar's second row of switches: group the table by process (RustNet's
// `a`), host names for remote addresses (reverse lookups, off by default), and keep closed
// sockets for the run (bounded; what was let go of is counted here).
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectorApi } from '../../../../shared/contract'
import type { HistoryStatus } from '../../../../shared/insight-model'
import type { NamesStore } from '../../store/names-store'

/** How often the history's counts are asked for while it is on. */
const HISTORY_STATUS_MS = 2_000

export interface InsightControlsProps {
  readonly api: InspectorApi
  readonly names: NamesStore
  readonly grouped: boolean
  readonly onGrouped: (grouped: boolean) => void
}

function useHistory(api: InspectorApi): readonly [HistoryStatus | null, (on: boolean) => void] {
  const [status, setStatus] = useState<HistoryStatus | null>(null)
  useEffect(() => {
    let live = true
    const ask = (): void =>
      void api['history:status']().then(
        (s) => live && setStatus(s),
        () => undefined
      )
    ask()
    const timer = setInterval(ask, HISTORY_STATUS_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [api])
  // The box moves at once; the core's answer (with its counts) then has the last word.
  const set = (on: boolean): void => {
    setStatus((s) => (s ? { ...s, enabled: on } : s))
    void api['history:configure']({ enabled: on }).then(setStatus, () => undefined)
  }
  return [status, set]
}

export function InsightControls(props: InsightControlsProps): ReactElement {
  const { api, names, grouped, onGrouped } = props
  const { t } = useTranslation('connections')
  const { reverseDns } = useSyncExternalStore(names.subscribe, names.getState)
  const [history, setHistory] = useHistory(api)
  return (
    <div
      className="toolbar-row toggles insight-controls"
      role="group"
      aria-label={t('insight.aria')}
    >
      <label className="check" title={t('insight.groupTitle')}>
        <input type="checkbox" checked={grouped} onChange={() => onGrouped(!grouped)} />
        {t('insight.group')}
      </label>
      <label className="check" title={t('insight.hostNamesTitle')}>
        <input
          type="checkbox"
          role="switch"
          checked={reverseDns}
          onChange={() => void names.setReverseDns(!reverseDns)}
        />
        {t('insight.hostNames')}
      </label>
      <label className="check" title={t('insight.keepTitle')}>
        <input
          type="checkbox"
          checked={history?.enabled ?? false}
          onChange={() => setHistory(!(history?.enabled ?? false))}
        />
        {t('insight.keep')}
      </label>
      {history?.enabled ? (
        <span className="muted" role="status" aria-label={t('insight.keptAria')}>
          {history.dropped > 0
            ? t('insight.keptDropped', {
                kept: history.kept,
                dropped: history.dropped,
                max: history.maxRows
              })
            : t('insight.kept', { kept: history.kept })}
        </span>
      ) : null}
    </div>
  )
}
