// The UI in Korean: chosen in the header, and from a Korean browser's locale; every view is
// walked and no English word is left in its chrome (names, numbers, protocol words, state
// names and code excepted). A screenshot of each language for the README.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

/**
 * Words that are not English to translate: protocols, states, code, units, names, and the
 * words of the filter and alert-rule languages (typed as they are in any language).
 */
const KEPT =
  /^(TCP|UDP|TLS|SNI|ALPN|IPv4|IPv6|Unix|RST|FIN|SYN|ACK|MSL|RFC|JSON|CSV|pcapng|netlink|procfs|lsof|netstat|sock_diag|TCP_INFO|localhost|KiB|MiB|GiB|ms|fd|pid|uid|Hz|Socket|Inspector|Wireshark|Prometheus|Electron|Node|Chromium|Linux|macOS|Windows|node|socat|nc|ss|Send-Q|Recv-Q|Ctrl|Cmd|Space|Esc|Alt|Shift|Enter|Tab|mine|port|state|proc|proto|listen|freed|connect|stuck|count|close-wait|listening|stopped|removed|connecting|open|closed|half-closed|error|https?|www|tcp|udp|unix|hex|text|[A-Z_0-9]+)$/

/** Visible English words outside data: tables' rows, traffic logs and code are data. */
async function englishIn(page: Page, root: string): Promise<string[]> {
  return page.locator(root).evaluate((el, kept) => {
    const re = new RegExp(kept)
    const skip = (n: Element | null): boolean =>
      !!n?.closest(
        'code, pre, .chunks, .alert-list, [role=row]:not(:first-child), tbody tr, .sd-state, .sd-edge, .seq-step, .seq-lane, .sequence-scroll, select option, [data-data], .process-tree, .holders'
      )
    const words = new Set<string>()
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement
      if (!parent || skip(parent) || parent.offsetParent === null) continue
      for (const w of n.textContent?.match(/[A-Za-z][A-Za-z'’-]{3,}/g) ?? []) {
        if (!re.test(w)) words.add(w)
      }
    }
    return [...words]
  }, KEPT.source)
}

const VIEWS = ['connections', 'echo', 'overview', 'machine', 'port', 'processes', 'alerts']

test.describe('Korean', () => {
  test('chosen in the header, every view speaks Korean; English comes back when chosen', async ({
    page,
    served
  }, info) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(served.url)
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko')
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
    const tabs = page.getByRole('tablist').getByRole('tab')
    await expect(tabs.first()).not.toHaveText('Connections')
    for (let i = 0; i < VIEWS.length; i++) {
      await tabs.nth(i).click()
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true')
      const left = await englishIn(page, '.app')
      expect(left, `English left on the ${VIEWS[i]} view`).toEqual([])
      if (i === 0) {
        await page.screenshot({ path: info.outputPath('korean.png') })
        if (process.env.UPDATE_DOCS_SCREENSHOTS)
          await page.screenshot({ path: 'docs/screenshots/korean.png' })
      }
    }
    await page.getByRole('combobox', { name: /Language|언어/ }).selectOption('en')
    await expect(tabs.first()).toHaveText('Connections')
  })

  test('a Korean browser gets Korean without choosing', async ({ browser, served }) => {
    const context = await browser.newContext({ locale: 'ko-KR' })
    const page = await context.newPage()
    try {
      await page.goto(served.url)
      await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
      await expect(page.getByRole('tablist').getByRole('tab').first()).not.toHaveText('Connections')
    } finally {
      await context.close()
    }
  })
})
