// Every message id the core can send has its words in every language, and the renderer's
// rule (the user's language when there are words, the core's English otherwise) holds for
// errors the real parser makes.
import { describe, expect, it } from 'vitest'
import {
  ERROR_IDS,
  FIELD_IDS,
  IDS_WITHOUT_HINT,
  localizeError,
  RULE_IDS
} from '../../src/shared/error-ids'
import { toInspectorError } from '../../src/shared/errors'
import { parseCommand } from '../../src/shared/parse-command'
import { FIELD_WORDS } from '../../src/shared/refusals'
import { errorsI18n, errorsResources } from '../support/i18n-errors'

const LANGS = ['en', 'ko'] as const

function at(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], tree)
}

function refusal(name: string, args: unknown[]): ReturnType<typeof toInspectorError> {
  try {
    parseCommand(name, args)
  } catch (err) {
    return toInspectorError(err)
  }
  throw new Error(`${name} accepted ${JSON.stringify(args)}`)
}

describe('error ids', () => {
  it.each(LANGS)('%s: every id has a message, and a hint unless it is one without', (lang) => {
    const words = errorsResources(lang)
    for (const id of Object.values(ERROR_IDS)) {
      expect(typeof at(words, `${id}.message`), `${lang}: ${id}.message`).toBe('string')
      const hint = at(words, `${id}.hint`)
      if (IDS_WITHOUT_HINT.includes(id)) expect(hint, `${lang}: ${id}.hint`).toBeUndefined()
      else expect(typeof hint, `${lang}: ${id}.hint`).toBe('string')
    }
  })

  it.each(LANGS)('%s: every field and rule an argument error names has words', (lang) => {
    const words = errorsResources(lang)
    for (const f of FIELD_IDS) expect(typeof at(words, `fields.${f}`), `fields.${f}`).toBe('string')
    for (const r of RULE_IDS) expect(typeof at(words, `rules.${r}`), `rules.${r}`).toBe('string')
  })

  it('the English field words are the ones the core writes', () => {
    expect(errorsResources('en').fields).toEqual(FIELD_WORDS)
  })
})

describe('an error in the user language', () => {
  it('a refused port: its id and values, said in Korean with the field and rule in words', async () => {
    const error = refusal('echo:start', [{ protocol: 'tcp', port: 70000 }])
    expect(error.message).toBe(
      'The port 70000 is not valid: a port is a whole number from 0 to 65535 (0 picks any free port).'
    )
    expect(error).toMatchObject({
      id: 'arg.invalid',
      params: { field: 'port', value: '70000', rule: 'portAny', min: 0, max: 65535 }
    })
    const ko = localizeError(error, await errorsI18n('ko'))
    expect(ko.message).toBe(
      '포트 값 70000: 올바르지 않습니다. 포트는 0부터 65535까지의 정수입니다(0이면 비어 있는 포트를 자동으로 고릅니다).'
    )
    expect(ko.hint).toBe('고친 뒤 다시 시도하세요.')
  })

  it('a rule that names its field gets the field in Korean too', async () => {
    const error = refusal('echo:start', [{ protocol: 'udp', idleTimeoutMs: 1 }])
    const ko = localizeError(error, await errorsI18n('ko'))
    expect(ko.message).toContain('유휴 타임아웃(ms) 값은 100부터 3600000까지의 정수입니다')
  })

  it('English shows the core sentence word for word', async () => {
    const error = refusal('echo:start', [{ protocol: 'sctp' }])
    expect(error.id).toBe('arg.protocol')
    expect(localizeError(error, await errorsI18n('en'))).toEqual({
      message: error.message,
      hint: error.hint
    })
  })

  it('an error without an id, or with one Korean lacks, stays in English', async () => {
    const ko = await errorsI18n('ko')
    const english = { message: 'Something the core said.', hint: 'Do this.' }
    expect(localizeError({ code: 'EIO', ...english }, ko)).toEqual(english)
    const unknown = { code: 'EIO', ...english, id: 'not.an.id', params: { port: 1 } }
    expect(localizeError(unknown, ko)).toEqual(english)
    const badWord = { ...unknown, id: 'arg.invalid', params: { field: 'nope', rule: 'portAny' } }
    expect(localizeError(badWord, ko)).toEqual(english)
  })
})
