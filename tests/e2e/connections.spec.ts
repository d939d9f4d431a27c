import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { test, expect } from './fixtures'
import { gotoTable } from './table-helpers'
import { listenAlone } from '../support/net'

test.describe('connections view (serve + Chromium)', () => {
  let server: Server
  let port = 0

  test.beforeAll(async () => {
    server = createServer()
    port = await listenAlone(server)
  })
  test.afterAll(() => new Promise<void>((r) => server.close(() => r())))

  test('shows the live table, and the filter port:<p> narrows it to that port’s rows', async ({
    page,
    served
  }, info) => {
    await gotoTable(page, served)
    const count = page.getByRole('status', { name: 'Connection count' })
    await expect(count).toContainText(/[\d,]+ of [\d,]+ sockets/)
    const table = page.getByRole('table', { name: 'Connections table' })
    await expect(table.getByRole('columnheader', { name: 'State' })).toBeVisible()
    await page.screenshot({ path: info.outputPath('connections.png') })

    await page.getByRole('searchbox', { name: 'Filter connections' }).fill(`port:${port}`)
    const rows = table.getByRole('row').filter({ has: page.getByRole('cell') })
    await expect(rows).toHaveCount(1)
    await expect(rows.first()).toContainText(`127.0.0.1:${port}`)
    await expect(rows.first()).toContainText('LISTEN')
    await expect(count).toContainText(/^1 of [\d,]+ sockets$/)
    if (process.env.UPDATE_DOCS_SCREENSHOTS) {
      await page.setViewportSize({ width: 1280, height: 800 })
      await page.getByRole('searchbox', { name: 'Filter connections' }).fill('')
      await page.screenshot({ path: 'docs/screenshots/connections.png' })
    }
  })

  test('sorts by a column and says so', async ({ page, served }) => {
    await gotoTable(page, served)
    const header = page.getByRole('columnheader', { name: 'State' })
    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'descending')
  })
})
