// What the renderer shows for a core sentence, through the renderer's own i18n instance:
// the Said in words (src/renderer/src/i18n/say.ts) or the error in words (localizeError).
import { i18n } from '../../src/renderer/src/i18n'
import { say, words } from '../../src/renderer/src/i18n/say'
import { localizeError } from '../../src/shared/error-ids'
import type { ShownError } from '../../src/shared/error-ids'
import { toInspectorError } from '../../src/shared/errors'
import type { Said } from '../../src/shared/said'

export { i18n }

/** The sentence as the renderer shows it in `lng`. */
export async function shownIn(lng: 'en' | 'ko', said: Said, english: string): Promise<string> {
  await i18n.changeLanguage(lng)
  return say(said, english)
}

/**
 * The renderer's English words for the Said, looked up even though English shows the core's
 * text as sent: they must be that text, word for word, or a fallback would read differently.
 */
export async function englishWords(said: Said): Promise<string | null> {
  await i18n.changeLanguage('en')
  return words(said)
}

/** A thrown core error as the renderer shows it in `lng`. */
export async function errorIn(lng: 'en' | 'ko', err: unknown): Promise<ShownError> {
  await i18n.changeLanguage(lng)
  return localizeError(toInspectorError(err), i18n)
}

/** What a promise rejected with (fails the test when it resolved). */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}
