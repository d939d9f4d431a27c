// The real desktop app under Playwright's Electron driver. It runs wherever the Electron
// binary is installed and is skipped, saying why, where it is not (these build machines).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, test as base, expect } from '@playwright/test'
import type { ElectronApplication } from '@playwright/test'
import { electronBinary } from '../../scripts/electron-binary.mjs'
import { OPEN_RECORDING_ID } from '../../src/main/app-menu'
import { COMMAND_NAMES } from '../../src/shared/contract'

const root = resolve(__dirname, '../..')
const binary = electronBinary(root)
const SKIP_REASON = `the Electron binary is not installed on this machine (node_modules/electron/dist is empty and it cannot be downloaded here); run \`node node_modules/electron/install.js\` where it can`

if (!binary) console.log(`Electron spec skipped: ${SKIP_REASON}`)

const test = base.extend<object, { app: ElectronApplication }>({
  app: [
    async ({}, use) => {
      const userData = mkdtempSync(join(tmpdir(), 'si-electron-'))
      const app = await electron.launch({
        executablePath: binary ?? undefined,
        args: [root, `--user-data-dir=${userData}`],
        env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' }
      })
      await use(app)
      await app.close()
      rmSync(userData, { recursive: true, force: true })
    },
    { scope: 'worker' }
  ]
})

test.describe('desktop app (Electron)', () => {
  test.skip(!binary, SKIP_REASON)

  test('opens one locked-down window that shows app:info from the core', async ({ app }) => {
    const page = await app.firstWindow()
    await expect(page.getByRole('status', { name: 'Connection to the core' })).toContainText(
      'desktop app'
    )
    await page.getByRole('tab', { name: 'Machine' }).click()
    // The core runs in a process of its own (the utility process), not in main.
    const mainPid = await app.evaluate(() => process.pid)
    await expect(page.locator('dd[data-fact="Core pid"]')).not.toHaveText(String(mainPid))
    // Isolation + sandbox + no Node integration: the page sees no Node at all.
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe(
      'undefined'
    )
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined'
    )
    expect(await page.evaluate(() => Object.keys(window.inspector ?? {}).sort())).toEqual(
      [...COMMAND_NAMES, 'on', 'linkStatus', 'onLinkStatus', 'coreRestarts', 'onCoreRestart'].sort()
    )
  })

  test('restarts a core that dies; the page says so and keeps working', async ({ app }) => {
    const page = await app.firstWindow()
    const before = await page.evaluate(async () => {
      const r = await window.inspector!['app:info']()
      return r.ok ? r.value.pid : 0
    })
    process.kill(before, 'SIGKILL')
    await expect(page.getByRole('status', { name: 'Connection to the core' })).toContainText(
      'core restarted'
    )
    await expect(page.getByRole('status', { name: 'Connection to the core' })).toContainText(
      'Connected'
    )
    const after = await page.evaluate(async () => {
      const r = await window.inspector!['app:info']()
      return r.ok ? r.value.pid : 0
    })
    expect(after).not.toBe(before)
  })

  test('File → Open Recording… replays the file the user picks', async ({ app }) => {
    const page = await app.firstWindow()
    const dir = mkdtempSync(join(tmpdir(), 'si-electron-open-'))
    const file = join(dir, 'picked.sirec.gz')
    // A real recording, made by the CLI.
    execFileSync(process.execPath, [
      join(root, 'out/main/cli.js'),
      'record',
      '--out',
      file,
      '--duration',
      '1'
    ])
    // The native dialog cannot be driven: answer it as a user picking the file would.
    await app.evaluate(({ dialog }, path) => {
      dialog.showOpenDialog = (async () => ({
        canceled: false,
        filePaths: [path]
      })) as unknown as typeof dialog.showOpenDialog
    }, file)
    await app.evaluate(({ Menu }, id) => {
      const item = Menu.getApplicationMenu()?.getMenuItemById(id)
      if (!item) throw new Error(`no menu item ${id}`)
      item.click()
    }, OPEN_RECORDING_ID)
    await expect(page.getByRole('region', { name: 'Recording replay' })).toContainText(
      'Replaying picked.sirec.gz'
    )
    await page.getByRole('button', { name: 'Close recording' }).click()
    rmSync(dir, { recursive: true, force: true })
  })

  test('grants the page no permission but the clipboard: notifications are refused', async ({
    app
  }) => {
    const page = await app.firstWindow()
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied')
  })
})
