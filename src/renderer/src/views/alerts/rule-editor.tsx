// The alert rules, edited in place: add a rule (checked as typed, with the grammar's own
// message), switch one on or off, remove it. Saved to settings (key `alerts`) at once.
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FormEvent, ReactElement } from 'react'
import { ALERT_KINDS, MAX_RULES, parseRule } from '../../../../shared/alert-rules'
import type { AlertRuleSpec } from '../../../../shared/alert-rules'
import { say } from '../../i18n/say'
import type { AlertsStore } from '../../store/alerts-store'

const EXAMPLES = [
  'listen',
  'listen port:3000',
  'freed port:5432',
  'connect port:443',
  'stuck close-wait 30',
  'count 100 proc:node'
]

export interface RuleEditorProps {
  readonly store: AlertsStore
  readonly rules: readonly AlertRuleSpec[]
}

export function RuleEditor({ store, rules }: RuleEditorProps): ReactElement {
  const { t } = useTranslation('alerts')
  const [text, setText] = useState('')
  const [saveError, setSaveError] = useState<string | null>(null)
  const check = text.trim() ? parseRule(text) : null
  const save = (next: readonly AlertRuleSpec[]): void => {
    setSaveError(null)
    store
      .saveRules(next)
      .catch((err: unknown) => setSaveError(err instanceof Error ? err.message : String(err)))
  }
  const add = (e: FormEvent): void => {
    e.preventDefault()
    if (!check?.ok) return
    const id = `rule-${Date.now().toString(36)}`
    save([...rules, { id, text: text.trim(), enabled: true }])
    setText('')
  }
  return (
    <div className="rule-editor">
      <form onSubmit={add} className="toolbar-row">
        <input
          type="text"
          aria-label={t('editor.newRule')}
          aria-invalid={check !== null && !check.ok}
          aria-describedby="rule-help"
          placeholder={EXAMPLES[1]}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" disabled={!check?.ok || rules.length >= MAX_RULES}>
          {t('editor.add')}
        </button>
      </form>
      <p id="rule-help" className={check && !check.ok ? 'error-note' : 'muted'}>
        {check && !check.ok
          ? `${say(check.said, check.message)} ${say(check.hintSaid, check.hint)}`
          : t('editor.help', { kinds: ALERT_KINDS.join(', '), examples: EXAMPLES.join(' · ') })}
      </p>
      {saveError ? (
        <p className="error-note" role="alert">
          {saveError}
        </p>
      ) : null}
      {rules.length === 0 ? (
        <p className="muted">{t('editor.none')}</p>
      ) : (
        <ul className="rule-list" aria-label={t('rules.aria')}>
          {rules.map((r) => (
            <li key={r.id}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={r.enabled}
                  onChange={() =>
                    save(rules.map((x) => (x.id === r.id ? { ...x, enabled: !x.enabled } : x)))
                  }
                />
                <code>{r.text}</code>
              </label>
              <button
                type="button"
                aria-label={t('editor.removeAria', { rule: r.text })}
                onClick={() => save(rules.filter((x) => x.id !== r.id))}
              >
                {t('editor.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
