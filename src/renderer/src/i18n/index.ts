// The renderer's languages: English and Korean, one JSON file per namespace (a view or a
// room) in locales/<language>/. Every file found there is loaded, so a new namespace needs
// no registration. The language follows the system (navigator.language, which Electron
// sets from app.getLocale()) unless the user picks one in settings; English is the fallback.
import i18next from 'i18next'
import type { i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'

export const LANGUAGES = ['en', 'ko'] as const
export type Language = (typeof LANGUAGES)[number]
export type LanguagePreference = Language | 'system'

type Resources = Record<Language, Record<string, Record<string, unknown>>>

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
  eager: true,
  import: 'default'
})

function resources(): Resources {
  const out: Resources = { en: {}, ko: {} }
  for (const [path, content] of Object.entries(files)) {
    const m = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path)
    if (!m || !(LANGUAGES as readonly string[]).includes(m[1]!)) continue
    out[m[1] as Language][m[2]!] = content
  }
  return out
}

/** The language to show for a preference: the system's when it is one we speak. */
export function resolveLanguage(pref: LanguagePreference, system: string): Language {
  if (pref !== 'system') return pref
  const base = system.toLowerCase().split('-')[0]
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : 'en'
}

export function systemLanguage(): string {
  return typeof navigator === 'undefined' ? 'en' : (navigator.languages?.[0] ?? navigator.language)
}

export const i18n: I18n = i18next.createInstance()

void i18n.use(initReactI18next).init({
  resources: resources(),
  lng: resolveLanguage('system', systemLanguage()),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources().en),
  interpolation: { escapeValue: false },
  returnNull: false,
  initImmediate: false,
  showSupportNotice: false
})

// The page says its language from the start (screen readers, fonts, the browser's own UI).
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language

export function setLanguage(pref: LanguagePreference): void {
  const lng = resolveLanguage(pref, systemLanguage())
  if (i18n.language !== lng) void i18n.changeLanguage(lng)
  document.documentElement.lang = lng
}

/** The locale for numbers and dates: the UI's language. */
export function locale(): string {
  return i18n.language === 'ko' ? 'ko-KR' : 'en-US'
}
