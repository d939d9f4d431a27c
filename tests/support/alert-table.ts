// The real alert engine watching the real table (netlink), wired as the core wires them:
// each table.poll() hands its diff to the alerts, and every alert fired lands in `fired`.
import { Alerts } from '../../src/main/alerts/alerts'
import { platformSources } from '../../src/main/conntable/platform-sources'
import { ConnTable } from '../../src/main/conntable/table'
import type { Alert } from '../../src/shared/alert-rules'

export interface WatchedTable {
  readonly fired: Alert[]
  readonly alerts: Alerts
  readonly table: ConnTable
}

export function alertsOnTable(): WatchedTable {
  const fired: Alert[] = []
  const alerts = new Alerts((a) => fired.push(a))
  const table = new ConnTable({
    ...platformSources(),
    defaultSource: 'netlink',
    emit: (d) => alerts.apply(d)
  })
  return { fired, alerts, table }
}
