import { createServer } from 'node:net'
import { connectClient, sendForm, startServer } from './echo-helpers'
import { test, expect } from './fixtures'

test.describe('echo view (serve + Chromium, real core)', () => {
  test('start a TCP echo server, connect a client, send "Hello, server!": it comes back, 14 bytes each way, fd and ESTABLISHED', async ({
    page,
    served
  }, info) => {
    // The size the issue names: everything that matters is on this one screen.
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Echo' }).click()
    await expect(page.getByRole('form', { name: 'Start an echo server' })).toBeVisible()
    const { sessions, port } = await startServer(page)
    const { id, row: client } = await connectClient(page, port)
    const send = await sendForm(page, id)
    await expect(send.getByLabel('Payload')).toHaveValue('Hello, server!')
    await send.getByRole('button', { name: 'Send' }).click()
    await expect(client.locator('[data-col=bytes-out]')).toHaveText('14')
    await expect(client.locator('[data-col=bytes-in]')).toHaveText('14')
    // The kernel's count of the same bytes (TCP_INFO bytes_received / bytes_sent), joined
    // from the table's next poll.
    await expect(client.locator('[data-col=kernel-bytes]')).toHaveText('14 / 14')

    // Other specs' sessions share the list (virtualized): show only this server's two ends.
    await page.getByRole('searchbox', { name: 'Filter sessions' }).fill(`:${port}`)
    const accepted = sessions.first()
    await expect(accepted.locator('[data-col=fd]')).toHaveText(/^\d+$/)
    await expect(accepted.locator('[data-col=app-state]')).toHaveText('open')
    await expect(accepted.locator('[data-col=kernel-state]')).toHaveText('ESTABLISHED')
    await expect(accepted.locator('[data-col=bytes-in]')).toHaveText('14')
    await expect(accepted.locator('[data-col=bytes-out]')).toHaveText('14')
    // The client's traffic: what went out, and the echo that came back.
    // Connecting selected the client: its traffic is shown.
    const traffic = page.getByRole('region', { name: `Traffic of ${id}` })
    const lines = traffic.getByRole('list', { name: 'Traffic log' }).getByRole('listitem')
    await expect(lines).toHaveCount(2)
    await expect(lines.nth(0)).toContainText('→ out 14 B')
    await expect(lines.nth(0)).toContainText('Hello, server!')
    await expect(lines.nth(1)).toContainText('← in 14 B')
    await traffic.getByRole('radio', { name: 'Hex' }).click()
    await expect(lines.nth(1)).toContainText(
      '00000000  48 65 6c 6c 6f 2c 20 73  65 72 76 65 72 21        |Hello, server!|'
    )

    // Above the fold at 1280×800: the session list, the chart, the traffic and the console.
    for (const part of [
      page.getByRole('table', { name: 'Sessions' }),
      traffic.getByRole('figure', { name: `Throughput of ${id}` }),
      page.getByRole('form', { name: 'Send to a client' }).getByRole('button', { name: 'Send' })
    ])
      await expect(part).toBeInViewport()
    await page.screenshot({ path: info.outputPath('echo.png') })
    if (process.env.UPDATE_DOCS_SCREENSHOTS)
      await page.screenshot({ path: 'docs/screenshots/echo.png' })
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
