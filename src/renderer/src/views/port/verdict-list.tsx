// The port view's answer: one sentence per address, can or cannot, first the one asked.
// The core sends each sentence as a phrase (an id and params, some params phrases too) and
// this says it in the user's language.
import { useTranslation } from 'react-i18next'
import type { ReactElement } from 'react'
import type { TFunction } from 'i18next'
import type { BindVerdict, Phrase } from '../../../../shared/actions-model'

/** The can/cannot mark beside a sentence: a symbol, hidden from screen readers. */
const mark = (can: boolean): string => (can ? '\u2713' : '\u2717')

/** A phrase in words: its nested phrases first, then its own template. */
export function sayPhrase(t: TFunction<'port'>, phrase: Phrase): string {
  const params: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(phrase.params ?? {}))
    params[k] = typeof v === 'object' ? sayPhrase(t, v) : v
  return t(phrase.id as never, params)
}

export function VerdictList({
  verdicts
}: {
  readonly verdicts: readonly BindVerdict[]
}): ReactElement {
  const { t } = useTranslation('port')
  const say = (v: BindVerdict): string => sayPhrase(t, v.phrase)
  const [first, ...rest] = verdicts
  return (
    <div className="verdicts" aria-label={t('verdict.aria')}>
      {first ? (
        <p className="verdict verdict-main" data-can={first.canBind} role="status">
          <span aria-hidden="true">{mark(first.canBind)}</span> {say(first)}
        </p>
      ) : null}
      <ul>
        {rest.map((v) => (
          <li key={v.address} className="verdict" data-can={v.canBind}>
            <span aria-hidden="true">{mark(v.canBind)}</span> {say(v)}
          </li>
        ))}
      </ul>
    </div>
  )
}
