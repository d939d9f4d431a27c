// System, English or 한국어. "System" follows the browser's (or Electron's) language; a
// choice is kept in the settings under `language`, so every tab and window takes it. Each
// language is named in itself, so a user lost in the other one still finds theirs.
import { useEffect } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { setLanguage } from '../i18n'
import { LANGUAGE_PREFERENCES } from '../store/settings-store'
import type { LanguagePreference } from '../store/settings-store'
import { useSetting } from '../store/use-setting'

export function LanguagePicker(): ReactElement {
  const { t } = useTranslation('common')
  const [language, setLanguagePref] = useSetting('language')
  // Applied at once here; the settings write reaches other pages (use-language.ts).
  useEffect(() => setLanguage(language), [language])
  return (
    <label className="theme-picker language-picker">
      <span className="sr-only">{t('language.label')}</span>
      <select
        aria-label={t('language.label')}
        value={language}
        onChange={(e) => setLanguagePref(e.target.value as LanguagePreference)}
      >
        {LANGUAGE_PREFERENCES.map((l) => (
          <option key={l} value={l} lang={l === 'system' ? undefined : l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
