// The table's own polish against the real core: the whole header cell sorts, columns are
// chosen and resized (and stay so), a bad filter says what is wrong, what matched is marked,
// byte counts read short with the exact figure at hand.
import { connect, createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { gotoTable, waitForTable } from './table-helpers'
import { listenAlone } from '../support/net'

const table = (page: Page): Locator => page.getByRole('table', { name: 'Connections table' })
const dataRows = (page: Page): Locator =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') })
const filterBox = (page: Page): Locator =>
  page.getByRole('searchbox', { name: 'Filter connections' })
const header = (page: Page, name: string): Locator =>
  table(page).getByRole('columnheader', { name, exact: true })

test.describe('connection table polish (serve + Chromium, real core)', () => {
  let server: Server
  let port = 0
  test.beforeAll(async () => {
    server = createServer((s) => s.resume())
    port = await listenAlone(server)
  })
  test.afterAll(() => new Promise<void>((r) => server.close(() => r())))

  test('a click on the header cell’s empty area sorts by it, with an arrow; again turns it', async ({
    page,
    served
  }) => {
    await gotoTable(page, served)
    const state = header(page, 'State')
    const box = (await state.boundingBox())!
    // Right of the label, where the cell is empty (clear of the resize handle).
    const empty = { x: box.width - 20, y: box.height / 2 }
    await state.click({ position: empty })
    await expect(state).toHaveAttribute('aria-sort', 'ascending')
    await expect(state).toContainText('▲')
    await expect(header(page, 'Local')).toHaveAttribute('aria-sort', 'none')
    await state.click({ position: empty })
    await expect(state).toHaveAttribute('aria-sort', 'descending')
    await expect(state).toContainText('▼')
    // Rows follow: states in descending order.
    const states = await dataRows(page).locator('[role=cell]:nth-child(4)').allTextContents()
    expect(states.length).toBeGreaterThan(1)
    expect(states).toEqual([...states].sort().reverse())
  })

  test('a column hidden and a column resized are still so after a reload', async ({
    page,
    served
  }) => {
    await gotoTable(page, served)
    await expect(header(page, 'FD')).toBeVisible()
    await page.getByRole('button', { name: 'Columns' }).click()
    const chooser = page.getByRole('dialog', { name: 'Columns' })
    await chooser.getByRole('checkbox', { name: 'FD' }).uncheck()
    await page.keyboard.press('Escape')
    await expect(chooser).toBeHidden()
    await expect(header(page, 'FD')).toHaveCount(0)

    const local = header(page, 'Local')
    const before = (await local.boundingBox())!.width
    const handle = page.getByRole('separator', { name: 'Resize Local' })
    const h = (await handle.boundingBox())!
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2)
    await page.mouse.down()
    await page.mouse.move(h.x + h.width / 2 + 60, h.y + h.height / 2, { steps: 4 })
    await page.mouse.up()
    await expect.poll(async () => (await local.boundingBox())!.width).toBeGreaterThan(before + 50)
    const resized = Math.round((await local.boundingBox())!.width)
    // Every row's cell follows the header.
    const cell = dataRows(page).first().getByRole('cell').nth(1)
    expect(Math.round((await cell.boundingBox())!.width)).toBe(resized)

    await page.reload()
    await waitForTable(page)
    await expect(header(page, 'Local')).toBeVisible()
    await expect(header(page, 'FD')).toHaveCount(0)
    await expect.poll(async () => Math.round((await local.boundingBox())!.width)).toBe(resized)

    // A double click on the handle gives the default width back.
    await handle.dblclick()
    await expect
      .poll(async () => Math.round((await local.boundingBox())!.width))
      .toBeLessThan(resized)
  })

  test('a bad filter says what is wrong under the box; the rest of it still filters', async ({
    page,
    served
  }) => {
    await gotoTable(page, served)
    const problems = page.getByRole('alert', { name: 'Filter problems' })
    await filterBox(page).fill(`port:${port} port:abc`)
    await expect(problems).toContainText('“port:abc”: a port is a number from 0 to 65535')
    await expect(filterBox(page)).toHaveAttribute('aria-invalid', 'true')
    await expect(dataRows(page)).toHaveCount(1)
    await filterBox(page).fill(`port:${port} foo:bar`)
    await expect(problems).toContainText('“foo” is not a filter key. Use port:, pid:')
    await expect(problems).not.toContainText('port:abc')
    if (process.env.UPDATE_DOCS_SCREENSHOTS) {
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.screenshot({ path: 'docs/screenshots/connections-filter.png' })
    }
    await filterBox(page).fill(`port:${port}`)
    await expect(problems).toHaveCount(0)
    await expect(filterBox(page)).toHaveAttribute('aria-invalid', 'false')
  })

  test('filter help lists the keys; a click on an example tries it', async ({ page, served }) => {
    await gotoTable(page, served)
    await page.getByRole('button', { name: 'Filter help' }).click()
    const help = page.getByRole('dialog', { name: 'Filter help' })
    for (const key of ['port:8080', 'pid:1234', 'state:listen', 'proc:node', 'proto:udp6', 'mine'])
      await expect(help.getByRole('button', { name: key, exact: true })).toBeVisible()
    await help.getByRole('button', { name: 'state:listen' }).click()
    await expect(help).toBeHidden()
    await expect(filterBox(page)).toHaveValue('state:listen')
    await expect(dataRows(page).first()).toContainText('LISTEN')
  })

  test('what the filter matched is marked in the cells', async ({ page, served }) => {
    await gotoTable(page, served)
    await filterBox(page).fill(`port:${port}`)
    const row = dataRows(page).first()
    await expect(row.locator('mark')).toHaveText([`:${port}`])
    await filterBox(page).fill(`127.0.0 port:${port}`)
    await expect(row.locator('mark')).toHaveText([`127.0.0`, `:${port}`])
  })

  test('bytes read in KiB with the exact count in the tooltip', async ({ page, served }) => {
    const client: Socket = connect(port, '127.0.0.1')
    await new Promise<void>((r) => client.once('connect', () => r()))
    try {
      await new Promise<void>((r) => client.write(Buffer.alloc(5_000, 0x61), () => r()))
      await gotoTable(page, served)
      await filterBox(page).fill(`port:${client.localPort} state:estab`)
      // Two rows: the client's end sent them, the server's end received them.
      const cells = dataRows(page).getByRole('cell')
      const sender = cells.and(page.locator('[title^="sent 5,000 bytes, received 0 bytes"]'))
      const receiver = cells.and(page.locator('[title="sent 0 bytes, received 5,000 bytes"]'))
      await expect(sender).toHaveText('4.9 KiB / 0 B')
      await expect(receiver).toHaveText('0 B / 4.9 KiB')
    } finally {
      client.destroy()
    }
  })
})
