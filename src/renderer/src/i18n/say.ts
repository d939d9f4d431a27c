// Says a sentence the core sent as a Said (src/shared/said.ts) in the UI's language. English
// is what the core wrote, shown word for word; so is any sentence whose id (or a nested id)
// has no words here, so an older or newer core never shows a bare key.
import type { i18n as I18n } from 'i18next'
import { CORE_LANGUAGE } from '../../../shared/error-ids'
import type { Said } from '../../../shared/said'
import { i18n as appI18n } from '.'

/** The words the renderer has for a Said in `tr`'s language, null where it has none. */
export function words(said: Said, tr: I18n = appI18n): string | null {
  if (!tr.exists(said.id, { lng: tr.language, fallbackLng: false })) return null
  const params: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(said.params ?? {})) {
    if (typeof v !== 'object') params[k] = v
    else {
      const inner = words(v, tr)
      if (inner === null) return null
      params[k] = inner
    }
  }
  return tr.t(said.id, params)
}

/** The sentence in the UI's language, else `english` (the core's own words). */
export function say(said: Said | undefined, english: string, tr: I18n = appI18n): string {
  if (said === undefined || tr.language === CORE_LANGUAGE) return english
  return words(said, tr) ?? english
}
