// A table row's life on a diagram: TCP's state machine (small in the details, full size in
// a dialog), or the simpler life of UDP and Unix sockets.
import { useRef } from 'react'
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
  const dialog = useRef<HTMLDialogElement>(null)
  if (row.protocol !== 'tcp') {
    return (
      <section className="life-diagram" aria-label="Life on the state diagram">
        <h3>Its life</h3>
        <SimpleLife history={row.history} closedAt={row.closingSince} />
      </section>
    )
  }
  const diagram = <StateDiagram history={row.history} closedAt={row.closingSince} now={now} />
  return (
    <section className="life-diagram" aria-label="Life on the state diagram">
      <header>
        <h3>On the TCP state diagram</h3>
        <button type="button" onClick={() => dialog.current?.showModal()}>
          Enlarge
        </button>
      </header>
      {diagram}
      <dialog
        ref={dialog}
        className="diagram-dialog"
        aria-label="TCP state diagram"
        onClick={(e) => e.target === dialog.current && dialog.current?.close()}
      >
        <header>
          <h2>TCP state diagram (RFC 9293)</h2>
          <button type="button" aria-label="Close" onClick={() => dialog.current?.close()}>
            ✕
          </button>
        </header>
        {diagram}
      </dialog>
    </section>
  )
}
