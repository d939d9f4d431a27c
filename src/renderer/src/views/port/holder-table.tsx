// Every socket on the port: how it is bound, its state, its process and user, and what can
// be done about it (stop the process, close the socket, copy the command line).
import { useTranslation } from 'react-i18next'
import type { ReactElement } from 'react'
import type { TFunction } from 'i18next'
import type { PortHolderInfo } from '../../../../shared/actions-model'
import { formatEndpoint } from '../../../../shared/endpoint'
import type { ActionFlow } from '../../components/use-actions'

function bound(h: PortHolderInfo, t: TFunction<'port'>): string {
  const at = formatEndpoint({ address: h.localAddress, port: h.localPort })
  if (h.localAddress !== '::' || h.v6only === null) return at
  return `${at} · ${h.v6only ? 'v6only' : t('holders.dualStack')}`
}

function secs(ms: number): number {
  return Math.max(0, Math.round(ms / 1000))
}

/** "left by node (pid 812), closed 14 s ago · ends in 46 s" for a TIME_WAIT. */
export function timeWaitText(h: PortHolderInfo, now: number, t: TFunction<'port'>): string | null {
  if (h.role !== 'time-wait') return null
  const left = h.leftBy?.[0]
  const parts = [
    left
      ? t('holders.leftBy', { process: left.process ?? t('holders.aProcess'), pid: left.pid })
      : t('holders.unknownProcess'),
    h.closedAt === null ? null : t('holders.closedAgo', { s: secs(now - h.closedAt) }),
    h.timeWaitEndsAt === null
      ? null
      : t(h.timeWaitEndsEstimated ? 'holders.endsInAbout' : 'holders.endsIn', {
          s: secs(h.timeWaitEndsAt - now)
        })
  ]
  return parts.filter(Boolean).join(t('holders.sep'))
}

export interface HolderTableProps {
  readonly holders: readonly PortHolderInfo[]
  readonly now: number
  readonly actions: ActionFlow
  readonly onChanged: () => void
}

export function HolderTable({ holders, now, actions, onChanged }: HolderTableProps): ReactElement {
  const { t } = useTranslation('port')
  return (
    <table className="holders">
      <thead>
        <tr>
          <th>{t('holders.bound')}</th>
          <th>{t('holders.state')}</th>
          <th>{t('holders.peer')}</th>
          <th>{t('holders.process')}</th>
          <th>{t('holders.user')}</th>
          <th>
            <span className="sr-only">{t('holders.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {holders.map((h) => {
          const o = h.owners[0]
          const tw = timeWaitText(h, now, t)
          const connected = h.protocol === 'tcp' && h.remotePort !== null && h.role !== 'time-wait'
          return (
            <tr key={h.rowId} data-role={h.role}>
              <td>
                <code>{bound(h, t)}</code>
              </td>
              <td>
                {h.state ?? '—'} <span className="muted">{t(`holders.role.${h.role}`)}</span>
                {tw ? <div className="muted">{tw}</div> : null}
              </td>
              <td>
                <code>
                  {h.remotePort === null
                    ? '*'
                    : formatEndpoint({ address: h.remoteAddress ?? '', port: h.remotePort })}
                </code>
              </td>
              <td>
                {o
                  ? t(o.fd === null ? 'holders.owner' : 'holders.ownerFd', {
                      process: o.process ?? '?',
                      pid: o.pid,
                      fd: o.fd
                    })
                  : '—'}
              </td>
              <td>{h.user ?? (h.uid === null ? '—' : `uid ${h.uid}`)}</td>
              <td>
                <div className="holder-actions">
                  {o ? (
                    <button
                      type="button"
                      onClick={() =>
                        void actions.stopProcess(o.pid, o.process).then((r) => r && onChanged())
                      }
                    >
                      {t('holders.stop')}
                    </button>
                  ) : null}
                  {connected ? (
                    <button
                      type="button"
                      onClick={() =>
                        void actions
                          .closeConnection(
                            {
                              protocol: h.protocol,
                              local: { address: h.localAddress, port: h.localPort },
                              remote: { address: h.remoteAddress ?? '', port: h.remotePort },
                              sessionId: h.sessionId,
                              owner: o
                                ? t('holders.owner', {
                                    process: o.process ?? t('holders.aProcess'),
                                    pid: o.pid
                                  })
                                : null
                            },
                            'reset'
                          )
                          .then((ok) => ok && onChanged())
                      }
                    >
                      {t('holders.close')}
                    </button>
                  ) : null}
                  {h.commandLine ? (
                    <button
                      type="button"
                      onClick={() =>
                        actions.copy(h.commandLine ?? '', t('holders.commandLineWhat'))
                      }
                    >
                      {t('holders.copy')}
                    </button>
                  ) : null}
                </div>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
