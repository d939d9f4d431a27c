// Nothing stale passes for live: a vanished socket reads CLOSED with no owner, and when the
// core goes away the page says so at once and marks what it shows; a core back on the same
// port and token brings the page back to live data.
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import type { ChildProcess } from 'node:child_process'
import type { Locator, Page } from '@playwright/test'
import { startServe, test, expect } from './fixtures'
import { listenAlone } from '../support/net'

const listen = async (): Promise<{ server: Server; port: number }> => {
  const server = createServer()
  return { server, port: await listenAlone(server) }
}

/** The rows of the table whose filter is port:<port>, once the table has loaded. */
async function rowsOnPort(page: Page, port: number): Promise<Locator> {
  // The first snapshot of a busy machine (tens of thousands of sockets) can take a while.
  await expect(page.getByRole('status', { name: 'Connection count' })).toContainText(
    /of [\d,]+ sockets/,
    { timeout: 30_000 }
  )
  await page.getByRole('searchbox', { name: 'Filter connections' }).fill(`port:${port}`)
  const table = page.getByRole('table', { name: 'Connections table' })
  return table.getByRole('row').filter({ has: page.getByRole('cell') })
}

/** A row's cell under the column with this header, wherever the column is. */
async function cell(page: Page, row: Locator, header: string): Promise<Locator> {
  const headers = await page.getByRole('columnheader').allInnerTexts()
  return row.getByRole('cell').nth(headers.findIndex((h) => h.trim() === header))
}

/** Stops a serve this spec started, by its pid, and waits until it has exited. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const gone = new Promise((r) => child.once('exit', r))
  process.kill(child.pid!, 'SIGKILL') // as a crash would: no goodbye to the page
  await gone
}

test('a vanished socket reads CLOSED, with no pid or fd, during its grace period', async ({
  page,
  served
}) => {
  const { server, port } = await listen()
  await page.goto(served.url)
  const rows = await rowsOnPort(page, port)
  await expect(rows).toHaveCount(1)
  await expect(await cell(page, rows.first(), 'State')).toHaveText('LISTEN')
  await expect(await cell(page, rows.first(), 'PID')).toHaveText(String(process.pid))
  await new Promise<void>((r) => server.close(() => r()))
  await expect(await cell(page, rows.first(), 'State')).toHaveText('CLOSED')
  await expect(await cell(page, rows.first(), 'PID')).toHaveText('')
  await expect(await cell(page, rows.first(), 'FD')).toHaveText('')
  await expect(rows.first()).toHaveAttribute('data-mark', 'closing')
})

test('when the core goes away the page says so in red and marks the table and details stale; a core back resyncs it', async ({
  page
}, info) => {
  const token = randomBytes(18).toString('base64url')
  let serve = await startServe({ token })
  const corePort = Number(new URL(serve.served.url).port)
  const before = await listen()
  let after: { server: Server; port: number } | null = null
  try {
    await page.goto(serve.served.url)
    const bar = page.locator('footer.status-bar')
    const view = page.getByRole('region', { name: 'Connections' })
    await expect(bar).toContainText('rows')
    await expect(view).toHaveAttribute('data-stale', 'false')
    const rows = await rowsOnPort(page, before.port)
    await expect(rows).toHaveCount(1)
    await rows.first().click()
    const details = page.getByRole('complementary', { name: 'Socket details' })
    await expect(details.getByRole('heading', { level: 2 })).toHaveText('Socket details')

    await kill(serve.child)
    await expect(bar).toHaveAttribute('data-health', 'offline')
    await expect(bar.getByRole('alert')).toContainText(/^ Lost the core at \d\d:\d\d:\d\d/)
    const red = await page.evaluate(() => {
      const probe = document.createElement('span')
      probe.style.color = 'var(--bad)'
      document.body.append(probe)
      const colour = getComputedStyle(probe).color
      probe.remove()
      return colour
    })
    await expect(bar).toHaveCSS('color', red)
    await expect(view).toHaveAttribute('data-stale', 'true')
    await expect(view.getByRole('status').filter({ hasText: 'Not live' })).toContainText(
      'the table stopped at'
    )
    await expect(details.getByRole('heading', { level: 2 })).toHaveText(
      'Socket details (as last seen, not live)'
    )
    await page.screenshot({ path: info.outputPath('stale.png') })
    if (process.env.UPDATE_DOCS_SCREENSHOTS)
      await page.screenshot({ path: 'docs/screenshots/stale.png' })

    // While the core was away a new listener opened; the core back on the same port and
    // token, the page reconnects by itself, fetches a fresh snapshot and shows it.
    after = await listen()
    serve = await startServe({ port: corePort, token })
    await expect(bar).not.toHaveAttribute('data-health', 'offline', { timeout: 15_000 })
    await expect(view).toHaveAttribute('data-stale', 'false')
    await expect(await rowsOnPort(page, after.port)).toHaveCount(1)
  } finally {
    await kill(serve.child)
    before.server.close()
    after?.server.close()
  }
})
