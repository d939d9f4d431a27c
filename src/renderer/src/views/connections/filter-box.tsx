// The filter box, and "?" beside it for the keys it knows, with examples (a click on one
// tries it). What the box cannot use is said under the toolbar's first row
// (FilterProblems), and left out of the filter, for as long as it is there.
import { memo, useMemo } from 'react'
import type { ReactElement } from 'react'
import { checkFilter, FILTER_KEYS } from '../../../../shared/row-filter'

export interface FilterBoxProps {
  readonly value: string
  readonly onChange: (text: string) => void
}

const HELP_ID = 'filter-help'
const PROBLEM_ID = 'filter-problem'

export const FilterBox = memo(function FilterBox({
  value,
  onChange
}: FilterBoxProps): ReactElement {
  const bad = useMemo(() => checkFilter(value).problems.length > 0, [value])
  return (
    <div className="filter-box">
      <input
        type="search"
        aria-label="Filter connections"
        aria-keyshortcuts="Control+F"
        aria-invalid={bad}
        aria-describedby={bad ? PROBLEM_ID : undefined}
        placeholder="port:80 pid:123 state:listen proc:node proto:udp mine — or any text"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <button
        type="button"
        className="help-button"
        popoverTarget={HELP_ID}
        aria-label="Filter help"
        title="Filter help"
      >
        ?
      </button>
      <div id={HELP_ID} popover="auto" className="popover" role="dialog" aria-label="Filter help">
        <p className="muted">Words are combined: every one must match.</p>
        <table className="filter-keys">
          <tbody>
            {FILTER_KEYS.map((k) => (
              <tr key={k.example}>
                <td>
                  <button
                    type="button"
                    className="link"
                    popoverTarget={HELP_ID}
                    popoverTargetAction="hide"
                    onClick={() => onChange(k.example)}
                  >
                    {k.example}
                  </button>
                </td>
                <td>{k.meaning}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
})

export const FilterProblems = memo(function FilterProblems({
  value
}: {
  readonly value: string
}): ReactElement | null {
  const { problems } = useMemo(() => checkFilter(value), [value])
  if (problems.length === 0) return null
  return (
    <ul id={PROBLEM_ID} className="filter-problems" role="alert" aria-label="Filter problems">
      {problems.map((p, i) => (
        <li key={i}>{p.message} Left out of the filter until fixed.</li>
      ))}
    </ul>
  )
})
