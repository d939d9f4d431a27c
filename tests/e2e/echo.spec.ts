import { createServer } from 'node:net'
import { test, expect } from './fixtures'

test.describe('echo view (serve + Chromium, real core)', () => {
  test('start a TCP echo server, connect a client, send "Hello, server!": it comes back, 14 bytes each way, fd and ESTABLISHED', async ({
    page,
    served
  }, info) => {
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Echo' }).click()
    const cards = page.getByRole('article', { name: /^Echo server l-\d+$/ })
    await expect(page.getByRole('form', { name: 'Start an echo server' })).toBeVisible()
    const before = await cards.count()
    await page
      .getByRole('form', { name: 'Start an echo server' })
      .getByRole('button', { name: 'Start' })
      .click()
    // Wait for the new server's card: reading the last card any sooner may read an older one.
    await expect(cards).toHaveCount(before + 1)
    const card = cards.last()
    await expect(card.locator('strong')).toHaveText(/^TCP 127\.0\.0\.1:\d+$/)
    const port = Number(/:(\d+)$/.exec(await card.locator('strong').innerText())![1])

    const connect = page.getByRole('form', { name: 'Connect a client' })
    await connect.getByLabel('Port').fill(String(port))
    await connect.getByRole('button', { name: 'Connect' }).click()
    const send = page.getByRole('form', { name: 'Send to the newest client' })
    await expect(send.getByLabel(/Payload/)).toHaveValue('Hello, server!')
    await send.getByRole('button', { name: 'Send' }).click()

    const client = page.getByRole('table', { name: 'Client sessions' }).getByRole('row').last()
    await expect(client.locator('[data-col=bytes-out]')).toHaveText('14')
    await expect(client.locator('[data-col=bytes-in]')).toHaveText('14')

    const accepted = card.getByRole('table').getByRole('row').nth(1)
    await expect(accepted.locator('[data-col=fd]')).toHaveText(/^\d+$/)
    await expect(accepted.locator('[data-col=app-state]')).toHaveText('open')
    await expect(accepted.locator('[data-col=kernel-state]')).toHaveText('ESTABLISHED')
    await expect(accepted.locator('[data-col=bytes-in]')).toHaveText('14')
    await expect(accepted.locator('[data-col=bytes-out]')).toHaveText('14')
    // The client's traffic: what went out, and the echo that came back.
    await client.getByRole('button').first().click()
    const traffic = page.getByRole('region', { name: /^Traffic of s-\d+$/ })
    const lines = traffic.getByRole('listitem')
    await expect(lines).toHaveCount(2)
    await expect(lines.nth(0)).toContainText('→ out 14 B')
    await expect(lines.nth(0)).toContainText('Hello, server!')
    await expect(lines.nth(1)).toContainText('← in 14 B')
    await traffic.getByRole('radio', { name: 'Hex' }).click()
    await expect(lines.nth(1)).toContainText(
      '00000000  48 65 6c 6c 6f 2c 20 73  65 72 76 65 72 21        |Hello, server!|'
    )

    await page.screenshot({ path: info.outputPath('echo.png'), fullPage: true })
    if (process.env.UPDATE_DOCS_SCREENSHOTS)
      await page.screenshot({ path: 'docs/screenshots/echo.png', fullPage: true })
  })

  test('an invalid port and a port in use show inline errors with hints; the app keeps working', async ({
    page,
    served
  }) => {
    const holder = createServer()
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()))
    const taken = (holder.address() as { port: number }).port
    try {
      await page.goto(served.url)
      await page.getByRole('tab', { name: 'Echo' }).click()
      const form = page.getByRole('form', { name: 'Start an echo server' })
      await form.getByLabel('Port').fill('80a')
      await expect(form.getByText('A port is a whole number.')).toBeVisible()
      await expect(form.getByRole('button', { name: 'Start' })).toBeDisabled()

      await form.getByLabel('Port').fill(String(taken))
      await form.getByRole('button', { name: 'Start' }).click()
      const alert = form.getByRole('alert')
      await expect(alert).toContainText(`Port ${taken} is already in use by`)
      await expect(alert).toContainText('Pick another port, or stop that process.')
      await expect(alert).toContainText('EADDRINUSE')

      await form.getByLabel('Port').fill('0')
      await form.getByRole('button', { name: 'Start' }).click()
      await expect(form.getByRole('alert')).toHaveCount(0)
    } finally {
      holder.close()
    }
  })
})
