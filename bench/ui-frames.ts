// Frame times and heap of the real renderer in Debian's Chromium, under a synthetic feed of
// 20,000 rows with 200 changed a second (and ten sessions at ten updates a second each),
// with the stores batching events once a frame vs applying each as it arrives.
//
// Chromium runs with its frame-rate limit and vsync off, so a frame takes as long as its
// work: the interval between animation frames is the frame time. Usage:
//   npm run bench:ui [-- --rounds 3 --seconds 10]
import { cpus, totalmem } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import type { CDPSession, Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config'
import { buildPage, servePage } from './ui-page'
import type { FrameStats } from './ui/main'
import { median } from './lib/procs.mjs'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '8' },
    /** Only the scenarios whose name has this text. */
    only: { type: 'string', default: '' }
  }
})
const ROUNDS = Number(values.rounds)
const MEASURE_MS = Number(values.seconds) * 1000
const WARM_MS = 2_000
const OUT = resolve(__dirname, '../out/bench-ui')

type Mode = 'batched' | 'unbatched'
interface Scenario {
  readonly name: string
  readonly scroll: boolean
  /** Extra query parameters for the page (the feed's rates). */
  readonly query?: string
  readonly prepare: (page: Page) => Promise<void>
}

/** The Connections view has all 20,000 rows. */
const tableLoaded = async (page: Page): Promise<void> => {
  await page
    .getByRole('status', { name: 'Connection count' })
    .filter({ hasText: /\b20,?000\b/ })
    .waitFor()
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'table idle (20k rows, 200 changes/s)',
    scroll: false,
    prepare: tableLoaded
  },
  {
    name: 'table scrolling',
    scroll: true,
    prepare: tableLoaded
  },
  {
    // The floor: what scrolling 20,000 rows costs in this Chromium with no events at all.
    name: 'table scrolling, feed stopped (reference)',
    scroll: true,
    query: '&changes=0&sessionRate=0',
    prepare: tableLoaded
  },
  {
    name: 'echo: 10 sessions charting at 10 updates/s',
    scroll: false,
    prepare: async (page) => {
      await page.getByRole('tab', { name: 'Echo' }).click()
      await page.locator('[data-session="s-1"]').click()
      await page.getByRole('figure', { name: 'Throughput of s-1' }).waitFor()
    }
  }
]

const pct = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
interface Result {
  readonly p50: number
  readonly p95: number
  readonly p99: number
  readonly max: number
  readonly fps: number
  readonly heapMb: number
  /** Main-thread busy time, ms per second of the run (CDP TaskDuration). */
  readonly busyMsPerS: number
}

/**
 * Two ways to run Chromium. "cost": frame-rate limit and vsync off, so a frame takes as
 * long as its work — the frame time. "display": a normal 60 Hz frame clock, as on a
 * screen, where batching can fold several events into one frame — the main-thread time.
 */
type Clock = 'cost' | 'display'

async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>
  }
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN
}

async function run(origin: string, mode: Mode, scenario: Scenario, clock: Clock): Promise<Result> {
  const unlimited = ['--disable-frame-rate-limit', '--disable-gpu-vsync']
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...(clock === 'cost' ? unlimited : []), '--enable-precise-memory-info']
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    await page.goto(`${origin}/?mode=${mode}${scenario.query ?? ''}`)
    await scenario.prepare(page)
    await page.waitForTimeout(WARM_MS)
    const busy0 = await taskSeconds(cdp)
    const t0 = Date.now()
    const stats = (await page.evaluate(([ms, scroll]) => window.bench.measure(ms, scroll), [
      MEASURE_MS,
      scenario.scroll
    ] as const)) as FrameStats
    const busy = ((await taskSeconds(cdp)) - busy0) * 1000
    return {
      p50: pct(stats.intervals, 50),
      p95: pct(stats.intervals, 95),
      p99: pct(stats.intervals, 99),
      max: stats.intervals.at(-1) ?? NaN,
      fps: stats.frames / (MEASURE_MS / 1000),
      heapMb: stats.heapMaxBytes / 2 ** 20,
      busyMsPerS: busy / ((Date.now() - t0) / 1000)
    }
  } finally {
    await browser.close()
  }
}

async function main(): Promise<void> {
  const version = await chromium
    .launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
    .then(async (b) => {
      const v = b.version()
      await b.close()
      return v
    })
  console.log(
    `Chromium ${version}; ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`
  )
  console.log(
    `${ROUNDS} rounds × ${MEASURE_MS / 1000} s a scenario and mode; medians of each round's figures\n`
  )
  await buildPage(OUT)
  const { server, origin } = await servePage(OUT)
  try {
    for (const scenario of SCENARIOS.filter((x) => x.name.includes(values.only))) {
      console.log(scenario.name)
      for (const clock of ['cost', 'display'] as const) {
        const by: Record<Mode, Result[]> = { batched: [], unbatched: [] }
        for (let round = 0; round < ROUNDS; round++)
          for (const mode of ['batched', 'unbatched'] as const)
            by[mode].push(await run(origin, mode, scenario, clock))
        console.log(clock === 'cost' ? '  frame cost (no frame-rate limit)' : '  at 60 Hz')
        for (const mode of ['batched', 'unbatched'] as const) {
          const m = (k: keyof Result): string => median(by[mode].map((r) => r[k])).toFixed(1)
          console.log(
            `    ${mode.padEnd(9)}  p50 ${m('p50')} ms  p95 ${m('p95')} ms  p99 ${m('p99')} ms  max ${m('max')} ms  ${m('fps')} fps  main thread ${m('busyMsPerS')} ms/s  heap ≤ ${m('heapMb')} MB`
          )
        }
        const ratio = (k: keyof Result): string =>
          (median(by.unbatched.map((r) => r[k])) / median(by.batched.map((r) => r[k]))).toFixed(2)
        console.log(
          `    unbatched ÷ batched: p95 ${ratio('p95')}×, main thread ${ratio('busyMsPerS')}×`
        )
      }
      console.log('')
    }
  } finally {
    server.close()
  }
}

void main()
