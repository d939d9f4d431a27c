// Recordings in the real UI against the real core: Record, Stop, Replay with the scrubber
// (the table and the process tree as they were, the status bar saying live polling is
// paused), Download, open a cut copy with the file picker, drop one on the window; and
// `serve --open FILE`.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { listenAlone } from '../support/net'
import { test, expect } from './fixtures'

const dir = mkdtempSync(join(tmpdir(), 'si-e2e-replay-'))

async function listen(): Promise<{ server: Server; port: number }> {
  const server = createServer()
  return { server, port: await listenAlone(server) }
}

async function filterPort(page: Page, port: number): Promise<void> {
  await page.getByRole('tab', { name: 'Connections' }).click()
  await page.getByRole('searchbox', { name: 'Filter connections' }).fill(`port:${port}`)
}

/** The port's listening row, unless it is one shown as closing (red, before it goes). */
function listenRow(page: Page, port: number): Locator {
  return page
    .getByRole('table', { name: 'Connections table' })
    .locator('[role=row]:not([data-mark="closing"])')
    .filter({ hasText: `127.0.0.1:${port}` })
    .filter({ hasText: 'LISTEN' })
}

test.describe('recordings (serve + Chromium, real core)', () => {
  // Several polls, a recording's compression and two replays of a host's whole table.
  test.setTimeout(180_000)
  test('record, stop, replay at a scrubbed time; download; open a cut copy; drop a file', async ({
    page,
    served
  }) => {
    await page.goto(served.url)
    const { server, port } = await listen()
    // The first read of a busy host's table can take a while.
    await expect(page.getByRole('status', { name: 'Connection count' })).toContainText(
      /[\d,]+ of [\d,]+ sockets/,
      { timeout: 30_000 }
    )
    await filterPort(page, port)
    // Its owner too: a new socket is placed with its process a poll after it is first seen.
    await expect(listenRow(page, port)).toContainText(String(process.pid))

    await page.getByRole('button', { name: '● Record' }).click()
    const stop = page.getByRole('button', { name: /Stop recording/ })
    await expect(stop).toBeVisible()
    // The listener is gone from the live table before the recording stops.
    await new Promise<void>((r) => server.close(() => r()))
    await expect(listenRow(page, port)).toHaveCount(0, { timeout: 30_000 })
    await stop.click()
    const saved = page.getByRole('status').filter({ hasText: /^Saved / })
    // Finishing the file compresses what is pending: on a host with tens of thousands of
    // sockets, that takes a moment.
    await expect(saved).toBeVisible({ timeout: 30_000 })

    await saved.getByRole('button', { name: 'Replay' }).click()
    const bar = page.getByRole('region', { name: 'Recording replay' })
    await expect(bar).toContainText(/Replaying \S+\.sirec\.gz/, { timeout: 30_000 })
    await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(
      'live polling paused'
    )
    // First recorded poll: the port was listening. Last: it had closed.
    const slider = bar.getByRole('slider', { name: 'Recording time' })
    await slider.focus()
    await page.keyboard.press('Home')
    await filterPort(page, port)
    await expect(listenRow(page, port)).toBeVisible()
    await slider.focus()
    await page.keyboard.press('End')
    await expect(listenRow(page, port)).toHaveCount(0)
    // The Processes view replays too: this process held the port at the first poll only.
    await page.getByRole('tab', { name: 'Processes' }).click()
    await expect(page.getByRole('note').filter({ hasText: 'Replaying: processes' })).toBeVisible()
    await page.getByRole('searchbox', { name: 'Filter processes' }).fill(`port:${port}`)
    const proc = page
      .getByRole('tree', { name: 'Processes and their sockets' })
      .getByRole('treeitem', { name: `node pid ${process.pid}` })
    await expect(proc).toHaveCount(0)
    await slider.focus()
    await page.keyboard.press('Home')
    await expect(proc).toContainText(`listening ${port}`)
    await expect(proc.getByTitle('Sockets', { exact: true })).toHaveText('1 socket')
    // Acting on the live machine is refused in words while replaying.
    await page.getByRole('tab', { name: 'Echo' }).click()
    await page
      .getByRole('form', { name: 'Start an echo server' })
      .getByRole('button', { name: 'Start' })
      .click()
    await expect(page.getByRole('alert').filter({ hasText: 'A recording' })).toContainText(
      'Close the recording to go back to live data.'
    )
    await page.getByRole('tab', { name: 'Connections' }).click()
    await slider.focus()
    await page.keyboard.press('Home')
    if (process.env.UPDATE_DOCS_SCREENSHOTS) {
      await page.getByRole('searchbox', { name: 'Filter connections' }).fill('')
      await page.screenshot({ path: 'docs/screenshots/replay.png' })
      await page.getByRole('searchbox', { name: 'Filter connections' }).fill(`port:${port}`)
    }
    await bar.getByRole('button', { name: 'Close recording' }).click()
    await expect(bar).toHaveCount(0)

    // Download it, cut the copy mid-way, and open that with the file picker.
    const download = page.waitForEvent('download')
    await saved.getByRole('button', { name: 'Download' }).click()
    const whole = join(dir, 'whole.sirec.gz')
    await (await download).saveAs(whole)
    const bytes = readFileSync(whole)
    const cut = join(dir, 'cut.sirec.gz')
    // Cut inside the last compressed block: the keyframe at the start survives, the end does not.
    writeFileSync(cut, bytes.subarray(0, bytes.length - 24))
    await page.getByLabel('Recording file').setInputFiles(cut)
    await expect(bar).toContainText('cut.sirec.gz')
    await expect(bar).toContainText('the file ends mid-write')
    await bar.getByRole('button', { name: 'Close recording' }).click()

    // Drop the whole file on the window.
    const dropped = await page.evaluateHandle((b64) => {
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
      const dt = new DataTransfer()
      dt.items.add(new File([data], 'dropped.sirec.gz'))
      return dt
    }, bytes.toString('base64'))
    await page.dispatchEvent('.app', 'drop', { dataTransfer: dropped })
    await expect(bar).toContainText('Replaying dropped.sirec.gz')

    // Not a recording: said in words.
    await bar.getByRole('button', { name: 'Close recording' }).click()
    const junk = join(dir, 'junk.sirec.gz')
    writeFileSync(junk, 'not gzip at all')
    await page.getByLabel('Recording file').setInputFiles(junk)
    await expect(page.getByRole('alert')).toContainText(
      'not a gzip-compressed Socket Inspector recording'
    )
    writeFileSync(join(dir, 'for-serve.sirec.gz'), bytes)
    // The saved notice stays until dismissed.
    const savedName = /Saved (\S+\.sirec\.gz)/.exec(await saved.innerText())![1]!
    await saved.getByRole('button', { name: 'Dismiss' }).click()
    await expect(saved).toHaveCount(0)

    // After a reload, the recording is found again under Open recording… (the core's folder).
    await page.reload()
    await page.getByText('Open recording…').click()
    const menu = page.getByRole('group', { name: 'Open a recording' })
    await menu.getByRole('button', { name: new RegExp(savedName.replace(/\./g, '\\.')) }).click()
    await expect(bar).toContainText(`Replaying ${savedName}`)
    await expect(menu).toBeHidden()
  })

  test('serve --open FILE starts in the replay of that file', async ({ page }) => {
    const file = join(dir, 'for-serve.sirec.gz')
    const cli = resolve(__dirname, '../../out/main/cli.js')
    const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--open', file])
    try {
      const url = await new Promise<string>((res, rej) => {
        let out = ''
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString()
          const m = /Socket Inspector at (\S+)/.exec(out)
          if (m?.[1]) res(m[1])
        })
        child.stderr.on('data', (c: Buffer) => (out += c.toString()))
        child.once('exit', (code) => rej(new Error(`serve exited ${code}: ${out}`)))
      })
      await page.goto(url)
      await expect(page.getByRole('region', { name: 'Recording replay' })).toContainText(
        'Replaying for-serve.sirec.gz'
      )
      await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(
        'live polling paused'
      )
    } finally {
      const gone = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await gone
    }
  })
})
