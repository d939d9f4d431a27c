// Every socket on the port: how it is bound, its state, its process and user, and what can
// be done about it (stop the process, close the socket, copy the command line).
import type { ReactElement } from 'react'
import type { PortHolderInfo } from '../../../../shared/actions-model'
import { formatEndpoint } from '../../../../shared/endpoint'
import type { ActionFlow } from '../../components/use-actions'

const ROLE_TEXT: Readonly<Record<PortHolderInfo['role'], string>> = {
  listener: 'listening',
  bound: 'bound',
  accepted: 'accepted connection',
  client: 'client (ephemeral port)',
  'time-wait': 'TIME_WAIT'
}

function bound(h: PortHolderInfo): string {
  const at = formatEndpoint({ address: h.localAddress, port: h.localPort })
  if (h.localAddress !== '::' || h.v6only === null) return at
  return `${at} · ${h.v6only ? 'v6only' : 'dual-stack'}`
}

function secs(ms: number): number {
  return Math.max(0, Math.round(ms / 1000))
}

/** "left by node (pid 812), closed 14 s ago · ends in 46 s" for a TIME_WAIT. */
export function timeWaitText(h: PortHolderInfo, now: number): string | null {
  if (h.role !== 'time-wait') return null
  const left = h.leftBy?.[0]
  const parts = [
    left ? `left by ${left.process ?? 'a process'} (pid ${left.pid})` : 'its process is not known',
    h.closedAt === null ? null : `closed ${secs(now - h.closedAt)} s ago`,
    h.timeWaitEndsAt === null
      ? null
      : `ends in ${h.timeWaitEndsEstimated ? 'about ' : ''}${secs(h.timeWaitEndsAt - now)} s`
  ]
  return parts.filter(Boolean).join(', ')
}

export interface HolderTableProps {
  readonly holders: readonly PortHolderInfo[]
  readonly now: number
  readonly actions: ActionFlow
  readonly onChanged: () => void
}

export function HolderTable({ holders, now, actions, onChanged }: HolderTableProps): ReactElement {
  return (
    <table className="holders">
      <thead>
        <tr>
          <th>Bound</th>
          <th>State</th>
          <th>Peer</th>
          <th>Process</th>
          <th>User</th>
          <th>
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {holders.map((h) => {
          const o = h.owners[0]
          const tw = timeWaitText(h, now)
          const connected = h.protocol === 'tcp' && h.remotePort !== null && h.role !== 'time-wait'
          return (
            <tr key={h.rowId} data-role={h.role}>
              <td>
                <code>{bound(h)}</code>
              </td>
              <td>
                {h.state ?? '—'} <span className="muted">{ROLE_TEXT[h.role]}</span>
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
                  ? `${o.process ?? '?'} (pid ${o.pid}${o.fd === null ? '' : `, fd ${o.fd}`})`
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
                      Stop process
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
                              owner: o ? `${o.process ?? 'a process'} (pid ${o.pid})` : null
                            },
                            'reset'
                          )
                          .then((ok) => ok && onChanged())
                      }
                    >
                      Close socket
                    </button>
                  ) : null}
                  {h.commandLine ? (
                    <button
                      type="button"
                      onClick={() => actions.copy(h.commandLine ?? '', 'the command line')}
                    >
                      Copy command line
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
