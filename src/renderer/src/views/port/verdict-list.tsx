// The port view's answer: one sentence per address, can or cannot, first the one asked.
import type { ReactElement } from 'react'
import type { BindVerdict } from '../../../../shared/actions-model'

export function VerdictList({
  verdicts
}: {
  readonly verdicts: readonly BindVerdict[]
}): ReactElement {
  const [first, ...rest] = verdicts
  return (
    <div className="verdicts" aria-label="Can it be bound">
      {first ? (
        <p className="verdict verdict-main" data-can={first.canBind} role="status">
          <span aria-hidden="true">{first.canBind ? '✓' : '✗'}</span> {first.sentence}
        </p>
      ) : null}
      <ul>
        {rest.map((v) => (
          <li key={v.address} className="verdict" data-can={v.canBind}>
            <span aria-hidden="true">{v.canBind ? '✓' : '✗'}</span> {v.sentence}
          </li>
        ))}
      </ul>
    </div>
  )
}
