import type { ReactElement } from 'react'

/** Label–value pairs as a description list; each value carries data-fact for tests. */
export function Facts({
  facts,
  label
}: {
  readonly facts: ReadonlyArray<readonly [string, string]>
  readonly label?: string
}): ReactElement {
  return (
    <dl className="facts" aria-label={label}>
      {facts.map(([name, value]) => (
        <div key={name} className="fact">
          <dt>{name}</dt>
          <dd data-fact={name}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
