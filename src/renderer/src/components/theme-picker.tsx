// System, light or dark. "System" follows the OS as it changes (CSS prefers-color-scheme);
// a choice is remembered in localStorage and set as <html data-theme>.
import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'

const THEMES = ['system', 'light', 'dark'] as const
type Theme = (typeof THEMES)[number]
const KEY = 'socket-inspector.theme'

function stored(): Theme {
  try {
    const v = localStorage.getItem(KEY)
    return (THEMES as readonly string[]).includes(v ?? '') ? (v as Theme) : 'system'
  } catch {
    return 'system' // storage can be off (a private window); the OS decides then
  }
}

export function ThemePicker(): ReactElement {
  const [theme, setTheme] = useState<Theme>(stored)
  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
    try {
      localStorage.setItem(KEY, theme)
    } catch {
      // not remembered; it still applies now
    }
  }, [theme])
  return (
    <label className="theme-picker">
      <span className="sr-only">Theme</span>
      <select aria-label="Theme" value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
        <option value="system">System theme</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  )
}
