// The Connections view remembers what the user set — filter, sort, toggles, columns, the
// details' dock — across a switch of views and a reload, and a second tab sees a change.
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { FIRST_SNAPSHOT_MS, gotoTable, waitForSettings, waitForTable } from './table-helpers'
import { listenAlone } from '../support/net'

const table = (page: Page): Locator => page.getByRole('table', { name: 'Connections table' })
const dataRows = (page: Page): Locator =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
const filterBox = (page: Page): Locator =>
  page.getByRole('searchbox', { name: 'Filter connections' })
const toolbar = (page: Page): Locator => page.getByRole('toolbar', { name: 'Table controls' })
const header = (page: Page, name: string): Locator =>
  table(page).getByRole('columnheader', { name, exact: true })
const tab = (page: Page, name: string): Locator =>
  page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name })

test.describe('connections settings (serve + Chromium, real core)', () => {
  let server: Server
  let port = 0
  test.beforeAll(async () => {
    server = createServer()
    port = await listenAlone(server)
  })
  test.afterAll(() => new Promise<void>((r) => server.close(() => r())))

  test('filter, sort and toggles are as left after a switch of views and after a reload', async ({
    page,
    served
  }) => {
    await gotoTable(page, served)
    await filterBox(page).fill(`port:${port}`)
    await expect(dataRows(page)).toHaveCount(1)
    await header(page, 'State').click()
    await expect(header(page, 'State')).toHaveAttribute('aria-sort', 'ascending')
    await toolbar(page).getByRole('checkbox', { name: 'UDP' }).uncheck()
    await toolbar(page).getByRole('checkbox', { name: 'Hide loopback' }).check()
    await expect(dataRows(page)).toHaveCount(0)

    const asLeft = async (): Promise<void> => {
      await expect(filterBox(page)).toHaveValue(`port:${port}`)
      await expect(header(page, 'State')).toHaveAttribute('aria-sort', 'ascending')
      await expect(toolbar(page).getByRole('checkbox', { name: 'UDP' })).not.toBeChecked()
      await expect(toolbar(page).getByRole('checkbox', { name: 'TCP' })).toBeChecked()
      await expect(toolbar(page).getByRole('checkbox', { name: 'Hide loopback' })).toBeChecked()
      await expect(page.getByText('No socket matches this filter and these toggles.')).toBeVisible()
    }
    await tab(page, 'Echo').click()
    await expect(filterBox(page)).toBeHidden()
    await tab(page, 'Connections').click()
    await asLeft()
    await page.reload()
    await waitForTable(page)
    await asLeft()

    // The view last shown is the one a reload opens.
    await tab(page, 'Overview').click()
    await page.reload()
    await waitForSettings(page)
    await expect(tab(page, 'Overview')).toHaveAttribute('aria-selected', 'true')
  })

  test('a second tab sees a change made in the first, live', async ({ page, served, context }) => {
    await gotoTable(page, served)
    const other = await context.newPage()
    await gotoTable(other, served)
    await expect(filterBox(other)).toHaveValue('')
    await filterBox(page).fill(`port:${port}`)
    await expect(filterBox(other)).toHaveValue(`port:${port}`, { timeout: FIRST_SNAPSHOT_MS })
    await expect(dataRows(other)).toHaveCount(1)
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
    // The core may be busy with a poll of every socket; the change comes after it.
    await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark', {
      timeout: FIRST_SNAPSHOT_MS
    })
  })

  test('the details dock right or below, by choice, remembered; all of it fits 1280×800', async ({
    page,
    served
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await gotoTable(page, served)
    await filterBox(page).fill(`port:${port}`)
    await dataRows(page).first().click()
    const details = page.getByRole('complementary', { name: 'Socket details' })
    await expect(details).toContainText(`127.0.0.1:${port}`)
    const below = async (): Promise<boolean> => {
      const t = (await table(page).boundingBox())!
      const d = (await details.boundingBox())!
      return d.y >= t.y + t.height - 1
    }
    expect(await below()).toBe(true)
    await details.getByRole('button', { name: 'Dock right' }).click()
    await expect.poll(below).toBe(false)
    const t = (await table(page).boundingBox())!
    const d = (await details.boundingBox())!
    expect(d.x).toBeGreaterThanOrEqual(t.x + t.width - 1)

    // The split is dragged with the keyboard as with the pointer, and remembered.
    const separator = page.getByRole('separator', { name: 'Resize the details' })
    const before = d.width
    await separator.focus()
    await page.keyboard.press('ArrowLeft')
    await expect.poll(async () => (await details.boundingBox())!.width).toBeGreaterThan(before)
    const widened = (await details.boundingBox())!.width

    await page.reload()
    await waitForTable(page)
    await dataRows(page).first().click()
    await expect(details).toBeVisible()
    await expect.poll(below).toBe(false)
    // As wide as it was left, give or take the rounding of a percentage.
    await expect
      .poll(async () => Math.abs((await details.boundingBox())!.width - widened))
      .toBeLessThan(2)
    // Nothing important below the fold: toolbar, table, details and status bar all in view.
    for (const part of [
      toolbar(page),
      table(page),
      details.getByRole('button', { name: 'Copy row' }),
      page.getByRole('contentinfo', { name: 'Status' })
    ])
      await expect(part).toBeInViewport({ ratio: 1 })
    if (process.env.UPDATE_DOCS_SCREENSHOTS)
      await page.screenshot({ path: 'docs/screenshots/connections-docked.png' })
  })
})
