// The saved echo servers, folded under the start form: start one now, tick "start on
// launch" (the core starts it when it starts), or remove it from the list.
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectorApi } from '../../../../shared/contract'
import type { Listener, ListenerSpec } from '../../../../shared/model'
import { ErrorNote } from '../../components/error-note'
import { useAction } from '../../components/form-bits'
import type { EchoSettingsHandle } from './use-echo-settings'

export function describeSpec(spec: ListenerSpec): string {
  if (spec.protocol === 'unix') return `UNIX ${spec.path}`
  const tls = spec.protocol === 'tcp' && spec.tls ? '+TLS' : ''
  return `${spec.protocol.toUpperCase()}${tls} ${spec.host ?? '127.0.0.1'}:${spec.port ?? 0}`
}

export function SavedServers({
  api,
  settings,
  onStarted
}: {
  readonly api: InspectorApi
  readonly settings: EchoSettingsHandle
  readonly onStarted: (l: Listener) => void
}): ReactElement | null {
  const { t } = useTranslation('echo')
  const [error, act] = useAction()
  const { echo, save } = settings
  const list = echo.savedServers
  if (list.length === 0) return null
  const write = (next: typeof list): void => void save({ ...echo, savedServers: next })
  return (
    <details className="saved-servers">
      <summary>{t('saved.serversCount', { count: list.length })}</summary>
      <ul aria-label={t('saved.servers')}>
        {list.map((entry, i) => (
          <li key={i}>
            <code>{describeSpec(entry.spec)}</code>
            <button
              type="button"
              onClick={() =>
                void act(() => api['echo:start'](entry.spec)).then((l) => l && onStarted(l))
              }
            >
              {t('saved.start')}
            </button>
            <label className="check">
              <input
                type="checkbox"
                checked={entry.startOnLaunch}
                onChange={(e) =>
                  write(
                    list.map((x, j) => (j === i ? { ...x, startOnLaunch: e.target.checked } : x))
                  )
                }
              />
              {t('saved.startOnLaunch')}
            </label>
            <button type="button" onClick={() => write(list.filter((_, j) => j !== i))}>
              {t('saved.remove')}
            </button>
          </li>
        ))}
      </ul>
      {error ? <ErrorNote error={error} /> : null}
    </details>
  )
}
