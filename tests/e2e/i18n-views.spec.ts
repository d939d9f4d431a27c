// The Port, Processes and Alerts views in Korean (the browser's language), against the real
// `serve` and a real listener on loopback: the core's verdict arrives as a phrase and is said
// in Korean, with the holder named. Views are opened by their shortcuts (Control+5/6/7), which
// do not depend on the language.
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { test, expect } from './fixtures'
import { listenAlone } from '../support/net'

test.use({ locale: 'ko-KR' })

let server: Server | null = null
test.afterAll(() => server?.close())

test.describe('views in Korean (serve + Chromium)', () => {
  test('the Port view says who holds a port, and why it cannot be bound, in Korean', async ({
    page,
    served
  }) => {
    server = createServer()
    const port = await listenAlone(server)

    await page.goto(served.url)
    await page.keyboard.press('Control+5')
    const view = page.getByRole('region', { name: '포트 점유 확인' })
    await view.getByLabel('포트', { exact: true }).fill(String(port))
    await view.getByRole('button', { name: '확인' }).click()
    const verdict = view.locator('.verdict-main')
    await expect(verdict).toContainText(`지금 127.0.0.1:${port}에 바인드할 수 없습니다: 소켓(`, {
      timeout: 15_000
    })
    await expect(verdict).toContainText(
      `pid ${process.pid})이 127.0.0.1:${port}에서 수신 대기 중입니다.`
    )
    const holder = view.getByRole('row').filter({ hasText: `pid ${process.pid}` })
    await expect(holder).toContainText('수신 대기')
    await expect(holder.getByRole('button', { name: '프로세스 중지' })).toBeVisible()
  })

  test('Processes and Alerts speak Korean too', async ({ page, served }) => {
    await page.goto(served.url)
    await page.keyboard.press('Control+6')
    const procs = page.getByRole('region', { name: '프로세스' })
    await expect(procs.getByRole('button', { name: '모두 펼치기' })).toBeVisible()
    await expect(procs.getByRole('tree', { name: '프로세스와 소켓' })).toContainText(/소켓 \d+개/, {
      timeout: 15_000
    })
    await page.keyboard.press('Control+7')
    await expect(page.getByRole('region', { name: '최근 알림' })).toBeVisible()
    await expect(page.getByRole('textbox', { name: '새 알림 규칙' })).toBeVisible()
  })
})
