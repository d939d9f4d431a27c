// System, light or dark. "System" follows the OS as it changes (CSS prefers-color-scheme);
// a choice is kept in the settings (every tab and window takes it) and set as
// <html data-theme>.
import { useEffect } from 'react'
import type { ReactElement } from 'react'
import { THEMES } from '../store/settings-store'
import type { Theme } from '../store/settings-store'
import { useSetting } from '../store/use-setting'

const LABELS: Readonly<Record<Theme, string>> = {
  system: 'System theme',
  light: 'Light',
  dark: 'Dark'
}

export function ThemePicker(): ReactElement {
  const [theme, setTheme] = useSetting('theme')
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
  }, [theme])
  return (
    <label className="theme-picker">
      <span className="sr-only">Theme</span>
      <select aria-label="Theme" value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </label>
  )
}
