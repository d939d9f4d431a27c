// A fired alert's desktop notification, in the app's language. The core sends the alert's
// English and its Said; main (which shows the notification, and knows the language the menu
// speaks) says it with the renderer's own words for alerts, so both read the same. No
// Electron here: tests run it under Node.
import i18next from 'i18next'
import type { i18n as I18n } from 'i18next'
import en from '../renderer/src/i18n/locales/en/alerts.json'
import ko from '../renderer/src/i18n/locales/ko/alerts.json'
import type { Said } from '../shared/said'
import { wordsOf } from '../shared/said-words'
import type { MenuLanguage } from './app-menu'

const WORDS: Record<MenuLanguage, Record<string, unknown>> = { en, ko }
const instances = new Map<MenuLanguage, I18n>()

function wordsIn(language: MenuLanguage): I18n {
  let tr = instances.get(language)
  if (!tr) {
    tr = i18next.createInstance()
    void tr.init({
      resources: { [language]: { alerts: WORDS[language] } },
      lng: language,
      fallbackLng: false,
      ns: ['alerts'],
      interpolation: { escapeValue: false },
      initImmediate: false,
      showSupportNotice: false
    })
    instances.set(language, tr)
  }
  return tr
}

/** The notification's text: the Said in `language`, else the core's English as sent. */
export function alertText(said: Said | undefined, english: string, language: MenuLanguage): string {
  if (said === undefined || language === 'en') return english
  try {
    return wordsOf(said, wordsIn(language)) ?? english
  } catch {
    // A Said this version cannot read (a newer core's): the notification still goes out.
    return english
  }
}
