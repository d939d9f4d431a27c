// System, light or dark. "System" follows the OS as it changes (CSS prefers-color-scheme);
// a choice is kept in the settings (every tab and window takes it) and set as
// <html data-theme>.
import { useEffect } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { THEMES } from '../store/settings-store'
import type { Theme } from '../store/settings-store'
import { useSetting } from '../store/use-setting'

export function ThemePicker(): ReactElement {
  const { t } = useTranslation('common')
  const [theme, setTheme] = useSetting('theme')
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
  }, [theme])
  return (
    <label className="theme-picker">
      <span className="sr-only">{t('theme.label')}</span>
      <select
        aria-label={t('theme.label')}
        value={theme}
        onChange={(e) => setTheme(e.target.value as Theme)}
      >
        {THEMES.map((th) => (
          <option key={th} value={th}>
            {t(`theme.${th}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
