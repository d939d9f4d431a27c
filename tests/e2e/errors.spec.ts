// Errors in the UI name the right cause, in words (real core, real sockets, loopback only).
import { createSocket } from 'node:dgram'
import { connectClient, sendForm } from './echo-helpers'
import { test, expect } from './fixtures'

/** A UDP port nobody listens on right now (bound, then released). */
async function closedUdpPort(): Promise<number> {
  const s = createSocket('udp4')
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()))
  const { port } = s.address()
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

/** No code names of commands or fields in what the user reads. */
const INTERNAL = /[a-z]+:[a-z]+ was given|invalid input \(|\(greeting\)|greeting: /

test.describe('errors say the right cause', () => {
  test('a Unix server in a folder that does not exist: "There is no folder"', async ({
    page,
    served
  }) => {
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Echo' }).click()
    const form = page.getByRole('form', { name: 'Start an echo server' })
    await form.getByLabel('Protocol').selectOption({ label: 'Unix socket' })
    await form.getByLabel('Path').fill('/tmp/si-no-such-folder-e2e/echo.sock')
    await form.getByRole('button', { name: 'Start' }).click()
    const alert = form.getByRole('alert')
    await expect(alert).toContainText(
      'There is no folder /tmp/si-no-such-folder-e2e, so no socket can be made'
    )
    await expect(alert).not.toContainText('allowed')
  })

  test('a client to 999.1.1.1 is told it is not an IPv4 address', async ({ page, served }) => {
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Echo' }).click()
    const form = page.getByRole('form', { name: 'Connect a client' })
    await form.getByLabel('Host').fill('999.1.1.1')
    await form.getByLabel('Port').fill('9')
    await form.getByRole('button', { name: 'Connect' }).click()
    const alert = page.getByRole('region', { name: 'Clients' }).getByRole('alert')
    await expect(alert).toContainText('"999.1.1.1" is not a valid IPv4 address')
    await expect(alert).not.toContainText(INTERNAL)
  })

  test('a UDP client whose datagrams are refused shows ECONNREFUSED’s cause on its session', async ({
    page,
    served
  }) => {
    const port = await closedUdpPort()
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Echo' }).click()
    const { id, row } = await connectClient(page, port, 'UDP')
    const send = await sendForm(page, id)
    const state = row.locator('[data-col=app-state]')
    // The ICMP refusal comes back on the socket after a datagram; send until it shows.
    await expect(async () => {
      await send.getByRole('button', { name: 'Send' }).click()
      await expect(state).toContainText('refused the datagrams', { timeout: 1_000 })
    }).toPass({ timeout: 15_000 })
    await expect(state).toContainText(`127.0.0.1:${port} refused the datagrams`)
    await expect(state).toContainText('open')
  })
})
