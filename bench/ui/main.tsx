// The frame benchmark's page: the real App, fed by the synthetic core, with the stores
// applying events once a frame (batched) or as each arrives (unbatched). It exposes
// window.bench.measure() for bench/ui-frames.ts to call.
import { createRoot } from 'react-dom/client'
import { App } from '../../src/renderer/src/App'
import type { Connection } from '../../src/renderer/src/api'
import '../../src/renderer/src/styles/base.css'
import '../../src/renderer/src/styles/connections.css'
import '../../src/renderer/src/styles/echo.css'
import '../../src/renderer/src/styles/overview.css'
import { syntheticCore } from './synthetic-core'

export interface FrameStats {
  readonly frames: number
  /** Intervals between frames, ms, sorted. */
  readonly intervals: number[]
  readonly heapMaxBytes: number
  readonly heapEndBytes: number
}

declare global {
  interface Window {
    bench: { measure: (ms: number, scroll: boolean) => Promise<FrameStats> }
  }
  interface Performance {
    memory?: { usedJSHeapSize: number }
  }
}

const params = new URLSearchParams(location.search)
const core = syntheticCore({
  rows: Number(params.get('rows') ?? 20_000),
  changesPerSecond: Number(params.get('changes') ?? 200),
  sessions: Number(params.get('sessions') ?? 10),
  sessionUpdatesPerSecond: Number(params.get('sessionRate') ?? 10)
})
const connection: Connection = {
  api: core.api,
  shell: 'browser',
  status: () => 'open',
  onStatus: () => () => undefined,
  coreRestarts: () => 0,
  onCoreRestart: () => () => undefined
}
// Stable across renders, so the App keeps its stores.
const atOnce = (apply: () => void): void => apply()
const schedule = params.get('mode') === 'unbatched' ? atOnce : undefined

window.bench = {
  measure: (ms, scroll) =>
    new Promise((resolve) => {
      const scroller = document.querySelector<HTMLElement>('.grid-body')
      // Something changes on screen every frame, so Chromium (frame-rate limit off) draws
      // as fast as the page lets it: the interval between frames is then the frame's cost.
      const ticker = document.createElement('div')
      ticker.style.cssText = 'position:fixed;right:0;bottom:0;font-size:9px;opacity:0.5'
      document.body.append(ticker)
      const times: number[] = []
      let heapMax = 0
      let direction = 1
      const end = performance.now() + ms
      const frame = (t: number): void => {
        times.push(t)
        ticker.textContent = String(times.length)
        if (times.length % 10 === 0)
          heapMax = Math.max(heapMax, performance.memory?.usedJSHeapSize ?? 0)
        if (scroll && scroller) {
          // Three rows a frame, turning at either end: a steady, bounded scroll.
          const max = scroller.scrollHeight - scroller.clientHeight
          if (scroller.scrollTop >= max - 1) direction = -1
          if (scroller.scrollTop <= 0) direction = 1
          scroller.scrollTop += direction * 84
        }
        if (t < end) requestAnimationFrame(frame)
        else {
          const intervals = times
            .slice(1)
            .map((x, i) => x - times[i]!)
            .sort((a, b) => a - b)
          const heapEnd = performance.memory?.usedJSHeapSize ?? 0
          ticker.remove()
          resolve({
            frames: times.length,
            intervals,
            heapMaxBytes: Math.max(heapMax, heapEnd),
            heapEndBytes: heapEnd
          })
        }
      }
      requestAnimationFrame(frame)
    })
}

createRoot(document.getElementById('root')!).render(
  <App connection={connection} schedule={schedule} />
)
