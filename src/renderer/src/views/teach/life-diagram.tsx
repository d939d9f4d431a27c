// A table row's life on a diagram: TCP's state machine (small in the details, full size in
// a dialog), or the simpler life of UDP and Unix sockets.
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
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
  const { t } = useTranslation('teach')
  const dialog = useRef<HTMLDialogElement>(null)
  if (row.protocol !== 'tcp') {
    return (
      <section className="life-diagram" aria-label={t('diagram.sectionAria')}>
        <h3>{t('diagram.simpleTitle')}</h3>
        <SimpleLife history={row.history} closedAt={row.closingSince} />
      </section>
    )
  }
  const diagram = <StateDiagram history={row.history} closedAt={row.closingSince} now={now} />
  return (
    <section className="life-diagram" aria-label={t('diagram.sectionAria')}>
      <header>
        <h3>{t('diagram.title')}</h3>
        <button type="button" onClick={() => dialog.current?.showModal()}>
          {t('diagram.enlarge')}
        </button>
      </header>
      {diagram}
      <dialog
        ref={dialog}
        className="diagram-dialog"
        aria-label={t('diagram.dialogTitle')}
        onClick={(e) => e.target === dialog.current && dialog.current?.close()}
      >
        <header>
          <h2>{t('diagram.dialogTitle')}</h2>
          <button
            type="button"
            aria-label={t('diagram.close')}
            onClick={() => dialog.current?.close()}
          >
            ✕
          </button>
        </header>
        {diagram}
      </dialog>
    </section>
  )
}
