// The scrubber: which recording is open, the time the views show, and how to move in it
// (drag, ←/→ one poll, play at the recorded pace) or close it and go back to live data.
import { useEffect, useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import '../styles/replay.css'
import { formatClock } from '../components/format'
import { locale } from '../i18n'
import type { ReplaySource } from './replay-source'

export interface ReplayBarProps {
  readonly source: ReplaySource
  readonly onClose: () => void
}

/** Playback waits at most this long between two recorded polls (a gap in the recording). */
const MAX_STEP_MS = 2_000

export function ReplayBar({ source, onClose }: ReplayBarProps): ReactElement {
  const { t } = useTranslation('replay')
  const times = source.player.times
  const [index, setIndex] = useState(0)
  const [playing, setPlaying] = useState(false)

  useEffect(() => source.seek(times[index]!), [source, times, index])
  useEffect(() => {
    if (!playing || index >= times.length - 1) return
    const wait = Math.min(MAX_STEP_MS, Math.max(0, times[index + 1]! - times[index]!))
    const timer = setTimeout(() => setIndex((i) => i + 1), wait)
    return () => clearTimeout(timer)
  }, [playing, index, times])

  const at = times[index]!
  const running = playing && index < times.length - 1
  const { header, truncated } = source.recording
  return (
    <section className="replay-bar" aria-label={t('bar.aria')}>
      <strong>{t('bar.replaying', { name: source.name })}</strong>
      <span className="muted">
        {header.hostname} · {new Date(source.player.start).toLocaleString(locale())}
        {truncated ? t('bar.truncated') : ''}
      </span>
      <button
        type="button"
        onClick={() => setIndex((i) => Math.max(0, i - 1))}
        aria-label={t('bar.previous')}
      >
        {t('bar.previousIcon')}
      </button>
      <button
        type="button"
        onClick={() => {
          if (!running && index >= times.length - 1) setIndex(0)
          setPlaying(!running)
        }}
      >
        {running ? t('bar.pause') : t('bar.play')}
      </button>
      <button
        type="button"
        onClick={() => setIndex((i) => Math.min(times.length - 1, i + 1))}
        aria-label={t('bar.next')}
      >
        {t('bar.nextIcon')}
      </button>
      <input
        type="range"
        min={0}
        max={times.length - 1}
        value={index}
        aria-label={t('bar.time')}
        aria-valuetext={formatClock(at)}
        onChange={(e) => setIndex(Number(e.currentTarget.value))}
      />
      <output aria-label={t('bar.shown')} data-at={at}>
        {formatClock(at)}
      </output>
      <span className="muted">{t('bar.position', { n: index + 1, total: times.length })}</span>
      <button type="button" onClick={onClose}>
        {t('bar.close')}
      </button>
    </section>
  )
}
