// The filter's problems are made in src/shared (English, for the CLI) and said by the
// renderer from their id and params: both must say the same in English, and Korean must
// fill in every word the user typed.
import { afterAll, describe, expect, it } from 'vitest'
import { checkFilter, FILTER_KEYS } from '../../src/shared/row-filter'
import { i18n } from '../../src/renderer/src/i18n'

const BAD = ['port:abc', 'port:70000', 'pid:x', 'foo:bar', 'proto:sctp', 'state:']

describe('the Connections words in both languages', () => {
  afterAll(() => i18n.changeLanguage('en'))

  it('says each filter problem in English exactly as src/shared does', async () => {
    await i18n.changeLanguage('en')
    const problems = BAD.flatMap((w) => checkFilter(w).problems)
    expect(problems).toHaveLength(BAD.length)
    for (const p of problems)
      expect(i18n.t(`connections:filter.problem.${p.id}`, p.params)).toBe(p.message)
  })

  it('says them in Korean with the words typed, and has a meaning for every filter key', async () => {
    await i18n.changeLanguage('ko')
    for (const p of BAD.flatMap((w) => checkFilter(w).problems)) {
      const said = i18n.t(`connections:filter.problem.${p.id}`, p.params)
      expect(said).not.toBe(p.message)
      expect(said).toContain(String(p.params.word ?? p.params.key))
      expect(said).not.toMatch(/{{/)
    }
    for (const k of FILTER_KEYS)
      expect(i18n.exists(`connections:filter.keys.${k.id}`, { lng: 'ko' })).toBe(true)
  })
})
