// The UI's numbers, sizes and durations read in the UI's language: English as before the
// i18n pass (the specs select by it), Korean with its own units of time.
import { afterEach, describe, expect, it } from 'vitest'
import {
  exactBytes,
  formatAgo,
  formatBytes,
  formatCount,
  formatDuration
} from '../../src/renderer/src/components/format'
import { i18n } from '../../src/renderer/src/i18n'

describe('format by locale', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en')
  })

  it('English reads as it always did', async () => {
    await i18n.changeLanguage('en')
    expect(formatCount(1234567)).toBe('1,234,567')
    expect(formatBytes(1536)).toBe('1.5 KiB')
    expect(exactBytes(1)).toBe('1 byte')
    expect(exactBytes(2048)).toBe('2,048 bytes')
    expect(formatDuration(185_000)).toBe('3 min 5 s')
    expect(formatAgo(0, 12_000)).toBe('12 s ago')
    expect(formatAgo(0, 500)).toBe('just now')
  })

  it('Korean says 초, 분, 전 and 바이트, and keeps B/KiB and ms', async () => {
    await i18n.changeLanguage('ko')
    expect(formatCount(1234567)).toBe('1,234,567')
    expect(formatBytes(1536)).toBe('1.5 KiB')
    expect(exactBytes(2048)).toBe('2,048바이트')
    expect(formatDuration(850)).toBe('850 ms')
    expect(formatDuration(185_000)).toBe('3분 5초')
    expect(formatAgo(0, 12_000)).toBe('12초 전')
    expect(formatAgo(0, 500)).toBe('방금')
  })
})
