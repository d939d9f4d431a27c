// The actions in the browser: the table's context menu closes a connection (after asking),
// and the port view names a port's holder and its Stop button frees the port.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { connect, createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { test, expect } from './fixtures'

/**
 * What waits on the core reading the machine's whole table: with ~20,000 sockets from other
 * programs on a loaded build machine one read takes seconds, and a command that arrives
 * meanwhile waits for it.
 */
const waitTable = expect.configure({ timeout: 20_000 })

const LISTEN_JS = `const s = require('net').createServer().listen(0, '127.0.0.1', () => process.stdout.write(s.address().port + '\\n'))`

test.describe('actions (serve + Chromium)', () => {
  let server: Server
  const sockets: Socket[] = []
  const children: ChildProcess[] = []

  test.beforeAll(async () => {
    server = createServer((s) => {
      sockets.push(s)
      s.on('error', () => undefined)
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  })
  test.afterAll(async () => {
    for (const s of sockets) s.destroy()
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL')
    await new Promise<void>((r) => server.close(() => r()))
  })

  test('right-click a row → Close connection → confirm: the row turns closing', async ({
    page,
    served
  }) => {
    test.skip(
      process.platform !== 'linux' || process.getuid?.() !== 0,
      'closing another process’s connection needs Linux and root'
    )
    const port = (server.address() as { port: number }).port
    const client = connect(port, '127.0.0.1')
    client.on('error', () => undefined)
    sockets.push(client)
    await new Promise((r) => client.once('connect', r))
    const local = `127.0.0.1:${client.localPort}`

    await page.goto(served.url)
    await page
      .getByRole('searchbox', { name: 'Filter connections' })
      .fill(`port:${client.localPort}`)
    const grid = page.getByRole('table', { name: 'Connections table' })
    const row = grid
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: local, exact: true }) })
      .filter({ has: page.getByRole('cell', { name: `127.0.0.1:${port}`, exact: true }) })
    // The client's socket and the server's accepted one.
    await waitTable(row).toHaveCount(2)
    const mine = row
      .filter({ has: page.getByRole('cell').nth(1).filter({ hasText: local }) })
      .first()

    // The keyboard opens the same menu: select the row, Shift+F10.
    await mine.click()
    await page.keyboard.press('Shift+F10')
    const menu = page.getByRole('menu')
    await expect(menu.getByRole('menuitem', { name: 'Copy row' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(menu).toBeHidden()

    await mine.click({ button: 'right' })
    await expect(
      menu.getByRole('menuitem', { name: `Who holds port ${client.localPort}?` })
    ).toBeVisible()
    if (process.env.UPDATE_DOCS_SCREENSHOTS)
      await page.screenshot({ path: 'docs/screenshots/context-menu.png' })
    await menu.getByRole('menuitem', { name: 'Close connection…' }).click()
    const dialog = page.getByRole('alertdialog')
    await expect(dialog).toContainText(`Close ${local} ⇄ 127.0.0.1:${port}?`)
    await expect(dialog).toContainText('ECONNABORTED')
    await dialog.getByRole('button', { name: 'Close connection' }).click()
    await waitTable(
      page.getByRole('status').filter({ hasText: 'the kernel aborted it' })
    ).toBeVisible()
    await waitTable(mine).toHaveAttribute('data-mark', 'closing')
  })

  test('the port view names the holder, and its Stop button frees the port', async ({
    page,
    served
  }) => {
    const child = spawn(process.execPath, ['-e', LISTEN_JS])
    children.push(child)
    let out = ''
    let err = ''
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()))
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString()
        if (/^\d+\n/.test(out)) resolve(Number(out.trim()))
      })
      child.once('exit', () => reject(new Error(`the child exited: ${out} ${err}`)))
    })

    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Port' }).click()
    const view = page.getByRole('region', { name: 'Who holds this port' })
    await view.getByLabel('Port', { exact: true }).fill(String(port))
    await view.getByRole('button', { name: 'Check' }).click()
    const verdict = view.locator('.verdict-main')
    await waitTable(verdict).toContainText(
      `You cannot bind 127.0.0.1:${port} now, because node (pid ${child.pid}) listens on 127.0.0.1:${port}`
    )
    const holder = view.getByRole('row').filter({ hasText: `pid ${child.pid}` })
    await expect(holder).toContainText('LISTEN')
    await expect(holder).toContainText('root')
    if (process.env.UPDATE_DOCS_SCREENSHOTS)
      await page.screenshot({ path: 'docs/screenshots/port-view.png' })

    await holder.getByRole('button', { name: 'Stop process' }).click()
    const dialog = page.getByRole('alertdialog')
    await expect(dialog).toContainText(`Stop node (pid ${child.pid})?`)
    await dialog.getByRole('button', { name: 'Stop process' }).click()
    await waitTable(
      page.getByRole('status').filter({ hasText: 'exited after SIGTERM' })
    ).toBeVisible()
    await waitTable(verdict).toContainText(`You can bind 127.0.0.1:${port} now`)
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true)
  })

  test('the Echo view’s EADDRINUSE error links to the port view, which names the holder', async ({
    page,
    served
  }) => {
    const port = (server.address() as { port: number }).port
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Echo' }).click()
    const form = page.getByRole('form', { name: 'Start an echo server' })
    await form.getByLabel('Port').fill(String(port))
    await form.getByRole('button', { name: 'Start' }).click()
    await form
      .getByRole('alert')
      .getByRole('button', { name: `Who holds port ${port}?` })
      .click()
    await expect(page.getByRole('tab', { name: 'Port' })).toHaveAttribute('aria-selected', 'true')
    await waitTable(page.locator('.verdict-main')).toContainText(
      `You cannot bind 127.0.0.1:${port} now, because node (pid ${process.pid}) listens on 127.0.0.1:${port}`
    )
  })
})
