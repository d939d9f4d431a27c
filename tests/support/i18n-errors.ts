// A real i18next instance with the renderer's own `errors` resources, in one language: what
// the renderer's ErrorNote uses, built the way src/renderer/src/i18n/index.ts builds it.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import i18next from 'i18next'
import type { i18n as I18n } from 'i18next'

const LOCALES = resolve(__dirname, '../../src/renderer/src/i18n/locales')

export function errorsResources(lang: 'en' | 'ko'): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(LOCALES, lang, 'errors.json'), 'utf8')) as Record<
    string,
    unknown
  >
}

export async function errorsI18n(lng: 'en' | 'ko'): Promise<I18n> {
  const instance = i18next.createInstance()
  await instance.init({
    resources: { en: { errors: errorsResources('en') }, ko: { errors: errorsResources('ko') } },
    lng,
    fallbackLng: 'en',
    ns: ['errors'],
    defaultNS: 'errors',
    interpolation: { escapeValue: false },
    showSupportNotice: false
  })
  return instance
}
