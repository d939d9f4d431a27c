// Why a payload cannot be sent, in Korean: decodePayload and repeatReason (the code the core
// and the Echo view's send form share) give their reason as words beside the English; the
// form's own check (problemOf) says it in the UI's language, English word for word.
import { afterAll, describe, expect, it } from 'vitest'
import { problemOf } from '../../src/renderer/src/views/echo/send-form'
import { LIMITS } from '../../src/shared/limits'
import {
  decodePayload,
  MAX_PAYLOAD_BYTES,
  PayloadError,
  repeatReason
} from '../../src/shared/payload'
import { englishWords, i18n, shownIn } from '../support/said-lookup'

const BAD: readonly [string, 'text' | 'hex', string][] = [
  ['abc\\', 'text', '텍스트가 백슬래시 하나로 끝납니다(4번째 글자)'],
  ['a\\x4g', 'text', '2번째 글자의 \\x 뒤에는 \\x0a처럼 16진수 두 자리가 와야 합니다'],
  [
    '\\q',
    'text',
    '1번째 글자의 \\q은(는) 알 수 없는 이스케이프입니다(\\n \\r \\t \\0 \\\\ 또는 \\xNN을 쓰세요)'
  ],
  ['zz', 'hex', '"z"은(는) 16진수 숫자가 아닙니다'],
  ['abc', 'hex', '16진수는 자릿수가 짝수여야 합니다(한 바이트에 두 자리)'],
  [
    '00'.repeat(MAX_PAYLOAD_BYTES + 1),
    'hex',
    '페이로드가 524,289바이트입니다. 한 번에 최대 524,288바이트까지 보낼 수 있습니다(나눠서 보내거나 반복 전송을 쓰세요)'
  ]
]

function refusal(data: string, encoding: 'text' | 'hex'): PayloadError {
  try {
    decodePayload(data, encoding)
  } catch (err) {
    if (err instanceof PayloadError) return err
    throw err
  }
  throw new Error(`${encoding} ${data.slice(0, 20)} decoded`)
}

describe('payload reasons in Korean', () => {
  afterAll(() => i18n.changeLanguage('en'))

  it.each(BAD.map(([d, e, ko]) => [e, d.slice(0, 12), d, ko]))(
    '%s %s',
    async (encoding, _short, data, ko) => {
      const err = refusal(data, encoding as 'text' | 'hex')
      expect(await englishWords(err.said)).toBe(err.message)
      expect(await shownIn('en', err.said, err.message)).toBe(err.message)
      expect(await shownIn('ko', err.said, err.message)).toBe(ko)
      // What the send form shows under the payload field.
      const payload = { data, encoding: encoding as 'text' | 'hex', repeat: '1', intervalMs: '0' }
      expect(problemOf(payload)).toBe(`페이로드를 보낼 수 없습니다: ${ko}.`)
      await i18n.changeLanguage('en')
      expect(problemOf(payload)).toBe(`The payload cannot be sent: ${err.message}.`)
    }
  )

  it('a repeat that would queue too much, with and without bytes still waiting', async () => {
    // The most repeats the form allows, each just big enough to go over the queue's limit.
    const repeat = LIMITS.repeat.max
    const bytes = Math.floor(LIMITS.clientQueueBytes / repeat) + 1
    const fresh = repeatReason(bytes, repeat)!
    const waiting = repeatReason(bytes, repeat, 4096)!
    for (const r of [fresh, waiting]) expect(await englishWords(r.said)).toBe(r.text)
    const mib = LIMITS.clientQueueBytes / (1024 * 1024)
    const limit = LIMITS.clientQueueBytes.toLocaleString('en-US')
    const total = (repeat * bytes).toLocaleString('en-US')
    const count = repeat.toLocaleString('en-US')
    expect(await shownIn('ko', fresh.said, fresh.text)).toBe(
      `${count} × ${bytes.toLocaleString('en-US')}바이트는 ${total}바이트입니다. 클라이언트는 최대 ${limit}바이트(${mib} MiB)까지만 전송 대기열에 넣습니다`
    )
    expect(await shownIn('ko', waiting.said, waiting.text)).toContain(
      `${total}바이트입니다(아직 대기 중인 4,096바이트 별도). `
    )
    await i18n.changeLanguage('ko')
    const form = { data: 'x'.repeat(bytes), encoding: 'text' as const, repeat: String(repeat) }
    expect(problemOf({ ...form, intervalMs: '0' })).toBe(
      `클라이언트가 큐에 쌓을 수 있는 양을 넘습니다: ${await shownIn('ko', fresh.said, fresh.text)}.`
    )
  })
})
