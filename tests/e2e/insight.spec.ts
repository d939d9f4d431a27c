// Processes, names, grouping and alerts in the real UI (serve + Chromium), against real
// sockets this test opens on loopback.
import { connect, createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { listenAlone, unusedPort } from '../support/net'
import { test, expect } from './fixtures'

const servers: Server[] = []
const sockets: Socket[] = []

/** Listens on a port no other socket shares, or on `port` if given. */
async function listen(port?: number): Promise<number> {
  const server = createServer((s) => sockets.push(s))
  servers.push(server)
  if (port === undefined) return listenAlone(server)
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()))
  return port
}

test.afterAll(async () => {
  for (const s of sockets) s.destroy()
  for (const s of servers) await new Promise((r) => s.close(r))
})

test.describe('processes, names and alerts (serve + Chromium)', () => {
  test('the Processes view groups a socket under its process; the keyboard opens it in Connections', async ({
    page,
    served
  }) => {
    const port = await listen()
    const client = connect(port, '127.0.0.1')
    sockets.push(client)
    await new Promise((r) => client.once('connect', r))
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Processes' }).click()
    await page.getByRole('searchbox', { name: 'Filter processes' }).fill(`port:${port}`)
    const tree = page.getByRole('tree', { name: 'Processes and their sockets' })
    const proc = tree.getByRole('treeitem', { name: `node pid ${process.pid}` })
    await expect(proc).toContainText(`listening ${port}`)
    await expect(proc).toContainText('3 sockets') // the listener, the client, the accepted end
    await expect(proc).toHaveAttribute('aria-expanded', 'false')
    await proc.focus()
    await page.keyboard.press('ArrowRight')
    await expect(proc).toHaveAttribute('aria-expanded', 'true')
    const sockets3 = tree.getByRole('treeitem').filter({ hasText: `127.0.0.1:${port}` })
    await expect(sockets3.filter({ hasText: 'LISTEN' })).toHaveCount(1)
    if (process.env.UPDATE_DOCS_SCREENSHOTS) {
      await page.getByRole('searchbox', { name: 'Filter processes' }).fill('')
      await page.getByRole('button', { name: 'Collapse all' }).click()
      await page.getByRole('searchbox', { name: 'Filter processes' }).fill(`port:${port}`)
      await proc.focus()
      await page.keyboard.press('ArrowRight')
      await expect(sockets3.filter({ hasText: 'LISTEN' })).toHaveCount(1)
      await page.screenshot({ path: 'docs/screenshots/processes.png' })
    }
    await page.keyboard.press('ArrowLeft')
    await expect(proc).toHaveAttribute('aria-expanded', 'false')
    await page.keyboard.press('ArrowRight')
    // The sockets come with the core's next answer for the expanded process.
    await expect(sockets3.filter({ hasText: 'LISTEN' })).toHaveCount(1)
    await page.keyboard.press('ArrowDown')
    // The first socket has the focus now; Enter opens its details in Connections.
    await expect(tree.getByRole('treeitem', { level: 2 }).first()).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('tab', { name: 'Connections' })).toHaveAttribute(
      'aria-selected',
      'true'
    )
    await expect(page.getByRole('complementary', { name: 'Socket details' })).toContainText(
      String(port)
    )
  })

  test('grouping is a toggle in Connections; host names come from /etc/hosts when switched on', async ({
    page,
    served
  }) => {
    const port = await listen()
    const client = connect(port, '127.0.0.1')
    sockets.push(client)
    await new Promise((r) => client.once('connect', r))
    await page.goto(served.url)
    await page.getByRole('searchbox', { name: 'Filter connections' }).fill(`port:${port}`)
    const table = page.getByRole('table', { name: 'Connections table' })
    const rows = table.getByRole('row').filter({ has: page.getByRole('cell') })
    await expect(rows).toHaveCount(3)
    await expect(rows.filter({ hasText: 'localhost' })).toHaveCount(0)
    await page.getByRole('switch', { name: 'Host names' }).check()
    // The client's row: its remote is the server's 127.0.0.1, named localhost by /etc/hosts.
    await expect(rows.filter({ hasText: `localhost 127.0.0.1:${port}` })).toHaveCount(1)
    await page.getByRole('switch', { name: 'Host names' }).uncheck()

    await page.getByRole('checkbox', { name: 'Group by process' }).check()
    const proc = page.getByRole('treeitem', { name: `node pid ${process.pid}` })
    await expect(proc).toContainText(`listening ${port}`)
    await expect(table).toBeHidden()
    await page.getByRole('checkbox', { name: 'Group by process' }).uncheck()
    await expect(table).toBeVisible()
  })

  test('an alert rule fires when its port starts listening, and the in-app list shows it', async ({
    page,
    served
  }) => {
    const port = await unusedPort()
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Alerts' }).click()
    const input = page.getByRole('textbox', { name: 'New alert rule' })
    await input.fill('lissen')
    await expect(page.locator('#rule-help')).toContainText('"lissen" is not a kind of alert.')
    await expect(page.getByRole('button', { name: 'Add rule' })).toBeDisabled()
    await input.fill(`listen port:${port}`)
    await page.getByRole('button', { name: 'Add rule' }).click()
    const rules = page.getByRole('list', { name: 'Alert rules' })
    await expect(rules).toContainText(`listen port:${port}`)
    // The core's table polls while this page listens; the port opens after the rule is set.
    await expect(page.getByRole('status', { name: 'Alert count' })).toContainText('0 kept')
    await listen(port)
    const alerts = page.getByRole('list', { name: 'Alerts' })
    await expect(alerts.getByRole('listitem')).toHaveCount(1)
    await expect(alerts).toContainText(`is listening on 127.0.0.1:${port} (tcp)`)
    await expect(
      alerts.getByRole('button', { name: new RegExp(`127\\.0\\.0\\.1:${port}`) })
    ).toBeVisible()
    if (process.env.UPDATE_DOCS_SCREENSHOTS)
      await page.screenshot({ path: 'docs/screenshots/alerts.png' })
    // Remove the rule again: the worker's serve is shared with other specs.
    await page.getByRole('button', { name: `Remove rule listen port:${port}` }).click()
    await expect(rules).toBeHidden()
  })
})
