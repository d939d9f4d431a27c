// A Said (said.ts) in words, through a given i18next instance: shared by the renderer (its
// UI language) and the Electron main process (the desktop notification of a fired alert).
import type { i18n as I18n } from 'i18next'
import type { Said } from './said'

/** The words `tr` has for a Said in its language, null where it has none. */
export function wordsOf(said: Said, tr: I18n): string | null {
  if (!tr.exists(said.id, { lng: tr.language, fallbackLng: false })) return null
  const params: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(said.params ?? {})) {
    if (typeof v !== 'object') params[k] = v
    else {
      const inner = wordsOf(v, tr)
      if (inner === null) return null
      params[k] = inner
    }
  }
  return tr.t(said.id, params)
}
