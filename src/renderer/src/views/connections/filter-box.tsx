// The filter box, and "?" beside it for the keys it knows, with examples (a click on one
// tries it). What the box cannot use is said under the toolbar's first row
// (FilterProblems), and left out of the filter, for as long as it is there.
import { memo, useMemo } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
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
  const { t } = useTranslation('connections')
  const bad = useMemo(() => checkFilter(value).problems.length > 0, [value])
  return (
    <div className="filter-box">
      <input
        type="search"
        aria-label={t('filter.aria')}
        aria-keyshortcuts="Control+F"
        aria-invalid={bad}
        aria-describedby={bad ? PROBLEM_ID : undefined}
        placeholder={t('filter.placeholder')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <button
        type="button"
        className="help-button"
        popoverTarget={HELP_ID}
        aria-label={t('filter.help')}
        title={t('filter.help')}
      >
        ?
      </button>
      <div
        id={HELP_ID}
        popover="auto"
        className="popover"
        role="dialog"
        aria-label={t('filter.help')}
      >
        <p className="muted">{t('filter.combined')}</p>
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
                <td>{t(`filter.keys.${k.id}`)}</td>
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
  const { t } = useTranslation('connections')
  const { problems } = useMemo(() => checkFilter(value), [value])
  if (problems.length === 0) return null
  return (
    <ul
      id={PROBLEM_ID}
      className="filter-problems"
      role="alert"
      aria-label={t('filter.problemsAria')}
    >
      {problems.map((p, i) => (
        <li key={i}>{t('filter.leftOut', { message: t(`filter.problem.${p.id}`, p.params) })}</li>
      ))}
    </ul>
  )
})
