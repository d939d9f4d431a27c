// How numbers and times read in the UI, in one place: counts with thousands separators,
// bytes with binary units (the exact figure goes in a tooltip: `exactBytes`), durations as
// people say them, and one time format — 24-hour clock, with "12 s ago" beside it. Numbers
// follow the UI's locale (Intl); the words come from the `common` namespace (format.*).
import { i18n, locale } from '../i18n'

/** One grouping for every count, made once per locale. */
const counts = new Map<string, Intl.NumberFormat>()
function count(n: number): string {
  const loc = locale()
  let f = counts.get(loc)
  if (!f) {
    f = new Intl.NumberFormat(loc, { maximumFractionDigits: 0 })
    counts.set(loc, f)
  }
  return f.format(n)
}
const t = (key: string, params?: Record<string, unknown>): string =>
  i18n.t(key, { ns: 'common', ...params })
const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const

/** "1,234,567"; null (a field the source does not give) as "—". */
export function formatCount(n: number | null): string {
  return n === null ? '—' : count(n)
}

/** "512 B", "1.2 KiB", "34 MiB": short enough for a cell; see exactBytes for the tooltip. */
export function formatBytes(n: number | null): string {
  if (n === null) return '—'
  if (n < 1024) return `${count(n)} B`
  let v = n / 1024
  let i = 0
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024
    i++
  }
  const digits = v < 10 ? 1 : 0
  const figure = v.toLocaleString(locale(), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  })
  return `${figure} ${UNITS[i]}`
}

/** "1,234,567 bytes": the figure formatBytes rounds. */
export function exactBytes(n: number | null): string {
  return n === null
    ? t('format.notKnown')
    : n === 1
      ? t('format.oneByte')
      : t('format.bytes', { n: count(n) })
}

export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(Math.round(bytesPerSecond))}/s`
}

/** "850 ms", "12 s", "3 min 5 s", "2 h 4 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return t('format.ms', { n: count(Math.max(0, Math.round(ms))) })
  const s = Math.floor(ms / 1000)
  if (s < 60) return t('format.s', { s })
  const m = Math.floor(s / 60)
  if (m < 60) return t('format.minS', { m, s: s % 60 })
  return t('format.hMin', { h: count(Math.floor(m / 60)), m: m % 60 })
}

/** "14:03:27", local time, 24-hour. */
export function formatClock(ms: number): string {
  return new Date(ms).toTimeString().slice(0, 8)
}

/** "12 s ago", "3 min 5 s ago"; "just now" under a second. */
export function formatAgo(ms: number, now: number): string {
  const d = now - ms
  return d < 1000 ? t('format.justNow') : t('format.ago', { duration: formatDuration(d) })
}

/** The one way a moment reads: "14:03:27 (12 s ago)"; a date first when not today. */
export function formatWhen(ms: number, now: number): string {
  const at = new Date(ms)
  const day = at.toDateString() === new Date(now).toDateString() ? '' : `${isoDay(at)} `
  return `${day}${formatClock(ms)} (${formatAgo(ms, now)})`
}

function isoDay(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The same, for a chart's x value in whole Unix seconds. */
export function formatSecond(t: number): string {
  return formatClock(t * 1000)
}
