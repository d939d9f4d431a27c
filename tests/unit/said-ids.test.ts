// Every Said id the core can send (src/shared/said.ts) has words in every language, so no
// sentence falls back to English for want of a key.
import { describe, expect, it } from 'vitest'
import { SAID_IDS } from '../../src/shared/said'
import { i18n } from '../../src/renderer/src/i18n'

describe('said ids', () => {
  it.each(['en', 'ko'])('%s: every id has its words', (lng) => {
    for (const id of Object.values(SAID_IDS))
      expect(i18n.exists(id, { lng, fallbackLng: false }), `${lng}: ${id}`).toBe(true)
  })
})
