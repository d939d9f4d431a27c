// Steps the echo specs share. Each reads the id the form reports for what it just made, so
// a test never mistakes an earlier test's server or client (they share one core) for its own.
import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

async function announced(
  status: Locator,
  attr: string,
  click: () => Promise<void>
): Promise<string> {
  const before = (await status.count()) > 0 ? await status.getAttribute(attr) : null
  await click()
  await expect(status).toBeVisible()
  if (before !== null) await expect(status).not.toHaveAttribute(attr, before)
  return (await status.getAttribute(attr))!
}

export interface StartedServer {
  readonly id: string
  /** The server's header row in the session list. */
  readonly card: Locator
  /** Its sessions' rows. */
  readonly sessions: Locator
  readonly port: number
}

/** The rows of one server's sessions (or 'clients': the app's own clients). */
export function sessionRows(page: Page, group: string): Locator {
  return page.getByRole('table', { name: 'Sessions' }).locator(`[data-group="${group}"]`)
}

export async function startServer(
  page: Page,
  protocol: 'TCP' | 'UDP' = 'TCP'
): Promise<StartedServer> {
  const form = page.getByRole('form', { name: 'Start an echo server' })
  await form.getByLabel('Protocol').selectOption({ label: protocol })
  await form.getByLabel('Port').fill('0')
  const id = await announced(
    form.getByRole('status', { name: 'Server started' }),
    'data-listener',
    () => form.getByRole('button', { name: 'Start' }).click()
  )
  const card = page.getByRole('row', { name: `Echo server ${id}` })
  const title = card.locator('strong')
  await expect(title).toHaveText(new RegExp(`^${protocol} 127\\.0\\.0\\.1:\\d+$`))
  return {
    id,
    card,
    sessions: sessionRows(page, id),
    port: Number(/:(\d+)$/.exec(await title.innerText())![1])
  }
}

export interface ConnectedClient {
  readonly id: string
  /** The client's row in the session list. */
  readonly row: Locator
}

export async function connectClient(
  page: Page,
  port: number,
  protocol: 'TCP' | 'UDP' = 'TCP'
): Promise<ConnectedClient> {
  const form = page.getByRole('form', { name: 'Connect a client' })
  await form.getByLabel('Protocol').selectOption({ label: protocol })
  await form.getByLabel('Port').fill(String(port))
  const status = page.getByRole('region', { name: 'Clients' }).getByRole('status', {
    name: 'Client connected'
  })
  const id = await announced(status, 'data-session', () =>
    form.getByRole('button', { name: 'Connect' }).click()
  )
  const row = page.getByRole('table', { name: 'Sessions' }).locator(`[data-session="${id}"]`)
  await expect(row).toBeVisible()
  return { id, row }
}

/** The send form, aimed at the given client. */
export async function sendForm(page: Page, clientId: string): Promise<Locator> {
  const form = page.getByRole('form', { name: 'Send to a client' })
  await form.getByLabel('Client').selectOption(clientId)
  return form
}

export interface EchoClient extends ConnectedClient {
  readonly server: StartedServer
  /** The send form, aimed at this client. */
  readonly send: Locator
}

/** The Echo view with a new TCP server and one client of it, the send form aimed at it. */
export async function echoClient(page: Page, url: string): Promise<EchoClient> {
  await page.goto(url)
  await page.getByRole('tab', { name: 'Echo' }).click()
  const server = await startServer(page)
  const client = await connectClient(page, server.port)
  return { ...client, server, send: await sendForm(page, client.id) }
}
