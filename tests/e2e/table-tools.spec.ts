// The connection table's tools against the real core: details with the life cycle, copy,
// toggles, pause, export, rate and source pickers, and the status bar.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { gotoTable } from './table-helpers'
import { listenAlone } from '../support/net'

async function listen(): Promise<{ server: Server; port: number }> {
  const server = createServer()
  return { server, port: await listenAlone(server) }
}

const close = (s: Server): Promise<void> => new Promise((r) => s.close(() => r()))

async function filterTo(page: Page, port: number): Promise<void> {
  await page.getByRole('searchbox', { name: 'Filter connections' }).fill(`port:${port}`)
}

const dataRows = (page: Page): Locator =>
  page
    .getByRole('table', { name: 'Connections table' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })

test.describe('connection table tools (serve + Chromium, real core)', () => {
  let held: { server: Server; port: number }
  test.beforeAll(async () => {
    held = await listen()
  })
  test.afterAll(() => close(held.server))

  test('a row opens its details: fields, owner (this test process), life cycle; Copy row copies it', async ({
    page,
    served,
    context
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: served.origin
    })
    await gotoTable(page, served)
    await filterTo(page, held.port)
    await dataRows(page).first().click()
    const details = page.getByRole('complementary', { name: 'Socket details' })
    await expect(details).toContainText(`127.0.0.1:${held.port}`)
    const owners = details.getByRole('table', { name: 'Owners' })
    await expect(owners.getByRole('cell').first()).toHaveText(String(process.pid))
    const life = details.getByRole('list', { name: 'Life cycle' }).getByRole('listitem')
    await expect(life.first()).toContainText('LISTEN')

    await details.getByRole('button', { name: 'Copy row' }).click()
    await expect(details.getByRole('status')).toHaveText('Copied as text.')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toMatch(
      new RegExp(`^Proto +State.*\\ntcp +LISTEN .*127\\.0\\.0\\.1:${held.port}`)
    )
    // A confirmation goes by itself.
    await expect(details.getByRole('status')).toHaveCount(0)
    await page.keyboard.press('Escape')
    await expect(details).toHaveCount(0)
  })

  test('protocol, loopback and state toggles hide and show the row', async ({ page, served }) => {
    await gotoTable(page, served)
    await filterTo(page, held.port)
    const rows = dataRows(page)
    await expect(rows).toHaveCount(1)
    const toolbar = page.getByRole('toolbar', { name: 'Table controls' })
    await toolbar.getByRole('checkbox', { name: 'TCP' }).uncheck()
    await expect(rows).toHaveCount(0)
    await expect(page.getByText('No socket matches this filter and these toggles.')).toBeVisible()
    await toolbar.getByRole('checkbox', { name: 'TCP' }).check()
    await expect(rows).toHaveCount(1)
    await toolbar.getByRole('checkbox', { name: 'Hide loopback' }).check()
    await expect(rows).toHaveCount(0)
    await toolbar.getByRole('checkbox', { name: 'Hide loopback' }).uncheck()
    const chips = toolbar.getByRole('group', { name: 'States' })
    const listen = chips.getByRole('button', { name: /^LISTEN [\d,]+$/ })
    // Alt+click hides that state; again shows it.
    await listen.click({ modifiers: ['Alt'] })
    await expect(listen).toHaveAttribute('aria-pressed', 'false')
    await expect(rows).toHaveCount(0)
    await listen.click({ modifiers: ['Alt'] })
    await expect(rows).toHaveCount(1)
    // A click shows only that state: every other chip reads as off; again shows them all.
    await listen.click()
    await expect(listen).toHaveAttribute('aria-pressed', 'true')
    await expect(chips.getByRole('button', { pressed: true })).toHaveCount(1)
    await expect(rows).toHaveCount(1)
    await page.getByRole('searchbox', { name: 'Filter connections' }).fill('state:estab')
    await expect(page.getByText('No socket matches this filter and these toggles.')).toBeVisible()
    await listen.click()
    await expect(chips.getByRole('button', { pressed: false })).toHaveCount(0)
    await expect(rows.first()).toContainText('ESTABLISHED')
  })

  test('Space pauses the table: a socket opened meanwhile appears only on resume', async ({
    page,
    served
  }) => {
    await gotoTable(page, served)
    const count = page.getByRole('status', { name: 'Connection count' })
    await expect(count).toContainText(/[\d,]+ of [\d,]+ sockets/)
    await page.locator('body').press('Space')
    const pause = page.getByRole('button', { name: /Resume/ })
    await expect(pause).toHaveAttribute('aria-pressed', 'true')
    const later = await listen()
    try {
      await filterTo(page, later.port)
      // The table stays still while the core goes on polling: wait until the status bar has
      // seen two more polls, then the new socket is still not shown.
      const bar = page.getByRole('contentinfo', { name: 'Status' })
      const seq = Number(await bar.getAttribute('data-seq'))
      await expect
        .poll(async () => Number(await bar.getAttribute('data-seq')), { timeout: 10_000 })
        .toBeGreaterThan(seq + 1)
      await expect(dataRows(page)).toHaveCount(0)
      await page.getByRole('searchbox', { name: 'Filter connections' }).blur()
      await page.locator('body').press('Space')
      await expect(page.getByRole('button', { name: /Pause/ })).toHaveAttribute(
        'aria-pressed',
        'false'
      )
      await expect(dataRows(page)).toHaveCount(1)
    } finally {
      await close(later.server)
    }
  })

  test('exports the rows in view as CSV and JSON', async ({ page, served }) => {
    await gotoTable(page, served)
    await filterTo(page, held.port)
    await expect(dataRows(page)).toHaveCount(1)
    const toolbar = page.getByRole('toolbar', { name: 'Table controls' })
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      toolbar.getByRole('button', { name: 'Export CSV' }).click()
    ])
    expect(csv.suggestedFilename()).toMatch(/^sockets-.*\.csv$/)
    const text = await readFile((await csv.path())!, 'utf8')
    const lines = text.trimEnd().split('\r\n')
    expect(lines[0]).toMatch(/^protocol,family,local_address,local_port,remote_address/)
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(new RegExp(`^tcp,ipv4,127\\.0\\.0\\.1,${held.port},`))
    expect(lines[1]).toContain(`,${process.pid},`)

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      toolbar.getByRole('button', { name: 'Export JSON' }).click()
    ])
    const rows = JSON.parse(await readFile((await json.path())!, 'utf8')) as Array<{
      localPort: number
      state: string
    }>
    expect(rows).toEqual([expect.objectContaining({ localPort: held.port, state: 'LISTEN' })])
  })

  test('the rate and source pickers reconfigure the poller; the status bar says so', async ({
    page,
    served
  }) => {
    await gotoTable(page, served)
    const bar = page.getByRole('contentinfo', { name: 'Status' })
    await expect(bar.locator('[data-item=source]')).toHaveText('Source netlink')
    await expect(bar.locator('[data-item=poll]')).toHaveText(/^poll \d+\.\d ms$/)
    const toolbar = page.getByRole('toolbar', { name: 'Table controls' })
    try {
      await toolbar.getByLabel('Poll rate').selectOption('2')
      await expect(bar.locator('[data-item=rate]')).toHaveText('2 Hz')
      await toolbar.getByLabel('Source').selectOption('procfs')
      await expect(bar.locator('[data-item=source]')).toHaveText('Source procfs')
      await filterTo(page, held.port)
      await expect(dataRows(page)).toHaveCount(1)
    } finally {
      // The core is shared with the other specs: put it back as it was.
      await toolbar.getByLabel('Poll rate').selectOption('1')
      await toolbar.getByLabel('Source').selectOption('netlink')
      await expect(bar.locator('[data-item=source]')).toHaveText('Source netlink')
    }
  })
})
