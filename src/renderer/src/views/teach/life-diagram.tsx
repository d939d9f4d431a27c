// A table row's life on a diagram: TCP's state machine, or the simpler life of UDP and
// Unix sockets.
import type { ReactElement } from 'react'
import type { TableRow } from '../../../../shared/model'
import { SimpleLife } from './simple-life'
import { StateDiagram } from './state-diagram'

export function LifeDiagram({
  row,
  now
}: {
  readonly row: TableRow
  readonly now: number
}): ReactElement {
  return (
    <section className="life-diagram" aria-label="Life on the state diagram">
      <h3>{row.protocol === 'tcp' ? 'On the TCP state diagram' : 'Its life'}</h3>
      {row.protocol === 'tcp' ? (
        <StateDiagram history={row.history} closedAt={row.closingSince} now={now} />
      ) : (
        <SimpleLife history={row.history} closedAt={row.closingSince} />
      )}
    </section>
  )
}
