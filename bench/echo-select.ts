// What selecting a session and switching views cost in the real renderer with 1,000 echo
// sessions, against the same with 100 and with 10 (the peers in the same run: 100 already
// fill the list's view, 10 do not): the work from the click until the next frame is drawn
// (React's render and commit, style, layout, paint).
//
// Chromium runs with its frame-rate limit and vsync off, so the frame after a click comes as
// soon as the work is done: click → next frame is the action's cost. The feed is still (no
// table changes, no session updates), so only the action is measured. Usage:
//   npm run bench:echo-select [-- --rounds 3 --actions 20]
import { cpus, totalmem } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import type { Page } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config'
import { buildPage, servePage } from './ui-page'
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

/** Clicks the element in the page and times it until the frame after it is drawn. */
function timeClick(page: Page, selector: string): Promise<number> {
  return page.evaluate(
    (sel) =>
      new Promise<number>((resolve) => {
        const el = document.querySelector<HTMLElement>(sel)
        if (!el) throw new Error(`nothing matches ${sel}`)
        const t0 = performance.now()
        el.click()
        // The rAF callback runs before the frame's style, layout and paint; the task after
        // it runs once that frame is done.
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
      }),
    selector
  )
}

const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN
}

interface Figures {
  readonly select: number[]
  readonly toEcho: number[]
  readonly toConnections: number[]
}

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
    const figures: Figures = { select: [], toEcho: [], toConnections: [] }
    for (let i = 0; i < ACTIONS; i++) {
      // Alternate between two rows in view, so each click is a real change of selection.
      const id = i % 2 === 0 ? 's-3' : 's-5'
      figures.select.push(await timeClick(page, `[data-session="${id}"] [data-col="id"]`))
    }
    for (let i = 0; i < ACTIONS; i++) {
      figures.toConnections.push(await timeClick(page, '[role="tab"]:nth-child(1)'))
      figures.toEcho.push(await timeClick(page, '[role="tab"]:nth-child(2)'))
    }
    return figures
  } finally {
    await browser.close()
  }
}

async function main(): Promise<void> {
  console.log(
    `${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${ROUNDS} rounds × ${ACTIONS} actions; median (p95) ms from click to the next frame drawn`
  )
  await buildPage(OUT)
  const { server, origin } = await servePage(OUT)
  try {
    const by = new Map<number, Figures[]>()
    for (let round = 0; round < ROUNDS; round++)
      for (const n of COUNTS) by.set(n, [...(by.get(n) ?? []), await run(origin, n)])
    const all = (n: number, k: keyof Figures): number[] => by.get(n)!.flatMap((f) => f[k])
    for (const k of ['select', 'toEcho', 'toConnections'] as const) {
      const line = COUNTS.map(
        (n) => `${n} sessions ${median(all(n, k)).toFixed(1)} (${pct(all(n, k), 95).toFixed(1)})`
      ).join('   ')
      const ratio = median(all(1000, k)) / median(all(100, k))
      const budget = median(all(1000, k)) < FRAME_BUDGET_MS ? 'under' : 'OVER'
      console.log(
        `${k.padEnd(14)} ${line}   1000÷100 ${ratio.toFixed(2)}×   ${budget} one frame (${FRAME_BUDGET_MS.toFixed(1)} ms)`
      )
    }
  } finally {
    server.close()
  }
}

void main()
