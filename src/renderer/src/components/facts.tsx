import type { ReactElement } from 'react'

/**
 * Label–value pairs as a description list. Each value carries data-fact for tests: the
 * pair's third item (a stable id) when given, else its label. `valuesAreData` marks the
 * values as the machine's own words (data-data), which no translation touches.
 */
export function Facts({
  facts,
  label,
  valuesAreData = false
}: {
  readonly facts: ReadonlyArray<readonly [name: string, value: string, id?: string]>
  readonly label?: string
  readonly valuesAreData?: boolean
}): ReactElement {
  return (
    <dl className="facts" aria-label={label}>
      {facts.map(([name, value, id]) => (
        <div key={id ?? name} className="fact">
          <dt>{name}</dt>
          <dd data-fact={id ?? name} data-data={valuesAreData ? '' : undefined}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  )
}
