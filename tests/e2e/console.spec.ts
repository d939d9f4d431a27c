// The client console beyond one text send: hex payloads repeated at an interval, a Unix
// socket client, reset vs close, traffic export, and the Overview's charts.
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectClient, echoClient, sendForm, sessionRows, startServer } from './echo-helpers'
import { test, expect } from './fixtures'

test.describe('client console (serve + Chromium, real core)', () => {
  test('hex payload × 5 at 20 ms: five echoes, 15 bytes each way, and the export holds them', async ({
    page,
    served
  }) => {
    const { id, row, send } = await echoClient(page, served.url)
    await send.getByLabel('As').selectOption('hex')
    await send.getByLabel('Payload').fill('de ad be')
    await send.getByLabel('Repeat').fill('5')
    await send.getByLabel('Every (ms)').fill('20')
    await send.getByRole('button', { name: 'Send' }).click()
    await expect(row.locator('[data-col=bytes-out]')).toHaveText('15')
    await expect(row.locator('[data-col=bytes-in]')).toHaveText('15')

    const traffic = page.getByRole('region', { name: `Traffic of ${id}` })
    await expect(traffic.getByRole('figure', { name: `Throughput of ${id}` })).toBeVisible()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      traffic.getByRole('button', { name: 'Export hex' }).click()
    ])
    const text = await readFile((await download.path())!, 'utf8')
    expect(text.match(/de ad be/g)).toHaveLength(10) // five out, five echoed back
  })

  test('a bad hex payload is caught as it is typed; Send stays off', async ({ page, served }) => {
    const { send } = await echoClient(page, served.url)
    await send.getByLabel('As').selectOption('hex')
    await send.getByLabel('Payload').fill('abc')
    await expect(page.getByText('hex needs an even number of digits')).toBeVisible()
    await expect(send.getByRole('button', { name: 'Send' })).toBeDisabled()
    await send.getByLabel('Repeat').fill('0')
    await send.getByLabel('Payload').fill('ab')
    await expect(page.getByText('Repeat is a whole number from 1 to 10000.')).toBeVisible()
  })

  test('a Unix socket server and client echo; reset ends the client with a reset', async ({
    page,
    served
  }) => {
    const path = join(tmpdir(), `si-e2e-${process.pid}-${Date.now()}.sock`)
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Echo' }).click()
    const form = page.getByRole('form', { name: 'Start an echo server' })
    await form.getByLabel('Protocol').selectOption({ label: 'Unix socket' })
    await form.getByLabel('Path').fill(path)
    await form.getByRole('button', { name: 'Start' }).click()
    const status = form.getByRole('status', { name: 'Server started' })
    await expect(status).toContainText(path)
    const listenerId = (await status.getAttribute('data-listener'))!
    const card = page.getByRole('row', { name: `Echo server ${listenerId}` })

    const connect = page.getByRole('form', { name: 'Connect a client' })
    await connect.getByLabel('Protocol').selectOption({ label: 'Unix socket' })
    await connect.getByLabel('Path').fill(path)
    await connect.getByRole('button', { name: 'Connect' }).click()
    const connected = page.getByRole('status', { name: 'Client connected' })
    await expect(connected).toContainText(path)
    const id = (await connected.getAttribute('data-session'))!
    const send = await sendForm(page, id)
    await send.getByLabel('Payload').fill('ping\\n')
    await send.getByRole('button', { name: 'Send' }).click()
    const row = sessionRows(page, 'clients').and(page.locator(`[data-session="${id}"]`))
    await expect(row.locator('[data-col=bytes-in]')).toHaveText('5')
    await expect(sessionRows(page, listenerId).locator('[data-col=bytes-in]')).toHaveText('5')

    await send.getByRole('button', { name: 'Reset' }).click()
    await expect(row.locator('[data-col=app-state]')).toHaveText(/^closed \(reset/)
    await card.getByRole('button', { name: 'Stop' }).click()
    await expect(card).toHaveAttribute('data-state', 'stopped')
  })

  test('the Overview charts sockets by state and echo traffic', async ({ page, served }, info) => {
    await page.goto(served.url)
    await page.keyboard.press('Control+3')
    const glance = page.getByRole('region', { name: 'At a glance' })
    await expect(glance.locator('[data-figure=Sockets]')).toHaveText(/^\d+$/)
    const states = page.getByRole('figure', { name: 'Sockets by state' })
    // Two polls make two samples: the stacked areas are drawn.
    await expect(states.locator('.recharts-area').first()).toBeVisible({ timeout: 10_000 })
    await expect(
      page.getByRole('figure', { name: 'All echo sessions, bytes a second' })
    ).toBeVisible()
    await expect(page.getByRole('table', { name: 'Processes by socket count' })).toContainText(
      'node'
    )
    await page.screenshot({ path: info.outputPath('overview.png'), fullPage: true })
    if (process.env.UPDATE_DOCS_SCREENSHOTS) {
      // For the README: twenty seconds of echo traffic, so the charts have something to say.
      await page.getByRole('tab', { name: 'Echo' }).click()
      const { port } = await startServer(page)
      const { id } = await connectClient(page, port)
      const send = await sendForm(page, id)
      await send.getByLabel('Payload').fill('x'.repeat(200))
      await send.getByLabel('Repeat').fill('400')
      await send.getByLabel('Every (ms)').fill('50')
      await send.getByRole('button', { name: 'Send' }).click()
      await page.getByRole('tab', { name: 'Overview' }).click()
      await page.waitForTimeout(20_000)
      await page.screenshot({ path: 'docs/screenshots/overview.png', fullPage: true })
    }
  })
})
