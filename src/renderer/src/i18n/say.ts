// Says a sentence the core sent as a Said (src/shared/said.ts) in the UI's language. English
// is what the core wrote, shown word for word; so is any sentence whose id (or a nested id)
// has no words here, so an older or newer core never shows a bare key.
import type { i18n as I18n } from 'i18next'
import { CORE_LANGUAGE } from '../../../shared/error-ids'
import type { Said } from '../../../shared/said'
import { wordsOf } from '../../../shared/said-words'
import { i18n as appI18n } from '.'

/** The words the renderer has for a Said in `tr`'s language, null where it has none. */
export function words(said: Said, tr: I18n = appI18n): string | null {
  return wordsOf(said, tr)
}

/** The sentence in the UI's language, else `english` (the core's own words). */
export function say(said: Said | undefined, english: string, tr: I18n = appI18n): string {
  if (said === undefined || tr.language === CORE_LANGUAGE) return english
  return words(said, tr) ?? english
}
