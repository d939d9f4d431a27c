// Opening the Connections view and waiting for its first snapshot. A cold snapshot (every
// socket's owner found through /proc) can take seconds on a busy machine, longer than an
// assertion's default wait: this waits for that one condition with room to spare.
import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import type { Served } from './fixtures'

/**
 * Long enough for a cold snapshot of tens of thousands of sockets on a loaded machine; the
 * core answers other calls (settings) after it, so they wait as long.
 */
export const FIRST_SNAPSHOT_MS = 45_000

export async function gotoTable(page: Page, served: Served): Promise<void> {
  await page.goto(served.url)
  await waitForTable(page)
}

export async function waitForTable(page: Page): Promise<void> {
  await expect(page.getByRole('status', { name: 'Connection count' })).toContainText(
    / of [\d,]+ sockets$/,
    { timeout: FIRST_SNAPSHOT_MS }
  )
}

/** The page has its settings from the core (what it shows is what was left). */
export async function waitForSettings(page: Page): Promise<void> {
  await expect(page.locator('.app')).toHaveAttribute('data-settings', 'loaded', {
    timeout: FIRST_SNAPSHOT_MS
  })
}
