// What selecting a session and switching views cost in the real renderer with 1,000 echo
// sessions, against the same with 100 and with 10 (the peers in the same run: 100 already
// fill the list's view, 10 do not). Two figures per action: the renderer's work (the main
// thread's busy time from the click until the frame that shows it is committed: React's
// render and commit, style, layout, paint; from a Chromium trace, bench/lib/frame-work.ts),
// which is what has to fit in a frame; and the latency from the click until that frame is
// drawn, which also holds the wait for the next frame tick (headless Chromium starts frames
// on a ~16.7 ms cadence even with its frame-rate limit and vsync off). The feed is still (no
// table changes, no session updates), so only the action is measured. Usage:
//   npm run bench:echo-select [-- --rounds 3 --actions 20]
import { cpus, totalmem } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import type { Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config'
import { buildPage, servePage } from './ui-page'
import { FRAME_WORK_CATEGORIES, workAfterMarks } from './lib/frame-work'
import type { TraceEvent } from './lib/frame-work'
import { median } from './lib/procs.mjs'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    actions: { type: 'string', default: '20' }
  }
})
const ROUNDS = Number(values.rounds)
const ACTIONS = Number(values.actions)
/** One frame at 60 Hz. */
const FRAME_BUDGET_MS = 1000 / 60
const OUT = resolve(__dirname, '../out/bench-echo-select')
/** Sessions in the page: fewer than a view holds, a view's worth and more, the target. */
const COUNTS = [10, 100, 1000] as const

type Action = 'select' | 'toEcho' | 'toConnections'
const ACTIONS_MEASURED: readonly Action[] = ['select', 'toEcho', 'toConnections']

/**
 * Clicks the element in the page and times it until the frame after it is drawn; a mark
 * named after the action lets the trace find the same click.
 */
function timeClick(page: Page, selector: string, action: Action): Promise<number> {
  return page.evaluate(
    ([sel, mark]) =>
      new Promise<number>((resolve) => {
        const el = document.querySelector<HTMLElement>(sel)
        if (!el) throw new Error(`nothing matches ${sel}`)
        performance.mark(mark)
        const t0 = performance.now()
        el.click()
        // The rAF callback runs before the frame's style, layout and paint; the task after
        // it runs once that frame is done.
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
      }),
    [selector, `si-${action}`] as const
  )
}

const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

/** Per action: latency (click → frame drawn) and work (main thread, click → frame committed). */
type Figures = Record<Action, { latency: number[]; work: number[] }>

async function run(origin: string, sessions: number): Promise<Figures> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync']
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${origin}/?rows=2000&changes=0&sessionRate=0&sessions=${sessions}`)
    await page
      .getByRole('status', { name: 'Connection count' })
      .filter({ hasText: /\b2,?000\b/ })
      .waitFor()
    // The first visit paints the view once; what follows is measured.
    await page.getByRole('tab', { name: 'Echo' }).click()
    await page.locator('[data-session="s-1"]').waitFor()
    const latency: Record<Action, number[]> = { select: [], toEcho: [], toConnections: [] }
    await browser.startTracing(page, { categories: FRAME_WORK_CATEGORIES })
    for (let i = 0; i < ACTIONS; i++) {
      // Alternate between two rows in view, so each click is a real change of selection.
      const id = i % 2 === 0 ? 's-3' : 's-5'
      latency.select.push(await timeClick(page, `[data-session="${id}"] [data-col="id"]`, 'select'))
    }
    for (let i = 0; i < ACTIONS; i++) {
      latency.toConnections.push(
        await timeClick(page, '[role="tab"]:nth-child(1)', 'toConnections')
      )
      latency.toEcho.push(await timeClick(page, '[role="tab"]:nth-child(2)', 'toEcho'))
    }
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: TraceEvent[]
    }
    const figures = {} as Figures
    for (const a of ACTIONS_MEASURED)
      figures[a] = { latency: latency[a], work: workAfterMarks(trace.traceEvents, `si-${a}`) }
    return figures
  } finally {
    await browser.close()
  }
}

async function main(): Promise<void> {
  console.log(
    `${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${ROUNDS} rounds × ${ACTIONS} actions; median (p95), ms`
  )
  await buildPage(OUT)
  const { server, origin } = await servePage(OUT)
  try {
    const by = new Map<number, Figures[]>()
    for (let round = 0; round < ROUNDS; round++)
      for (const n of COUNTS) by.set(n, [...(by.get(n) ?? []), await run(origin, n)])
    for (const measure of ['work', 'latency'] as const) {
      console.log(
        measure === 'work'
          ? 'work: main thread busy from the click until the frame showing it is committed'
          : 'latency: click → that frame drawn (holds the wait for the next frame tick)'
      )
      const all = (n: number, a: Action): number[] =>
        by
          .get(n)!
          .flatMap((f) => f[a][measure])
          .filter((x) => !Number.isNaN(x))
      for (const a of ACTIONS_MEASURED) {
        const line = COUNTS.map(
          (n) => `${n} sessions ${median(all(n, a)).toFixed(1)} (${pct(all(n, a), 95).toFixed(1)})`
        ).join('   ')
        const ratio = median(all(1000, a)) / median(all(100, a))
        const budget = median(all(1000, a)) < FRAME_BUDGET_MS ? 'under' : 'OVER'
        console.log(
          `  ${a.padEnd(14)} ${line}   1000÷100 ${ratio.toFixed(2)}×   ${budget} one frame (${FRAME_BUDGET_MS.toFixed(1)} ms)`
        )
      }
    }
  } finally {
    server.close()
  }
}

void main()
