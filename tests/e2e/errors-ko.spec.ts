// A core error in Korean, in the real app: a port another process holds, tried from the
// Echo view in a Korean browser, is said in Korean (the holder and the port named), with its
// hint in Korean and the code kept; the core sent its id and values beside the English.
import { createServer } from 'node:net'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { test, expect } from './fixtures'

const ko = (ns: string): Record<string, Record<string, string>> =>
  JSON.parse(
    readFileSync(resolve(__dirname, `../../src/renderer/src/i18n/locales/ko/${ns}.json`), 'utf8')
  ) as Record<string, Record<string, string>>

test('a port in use, in a Korean browser: the error reads in Korean and names holder and port', async ({
  browser,
  served
}) => {
  // A Korean browser: the UI follows its language without choosing.
  const context = await browser.newContext({ locale: 'ko-KR' })
  const page = await context.newPage()
  const echo = ko('echo')
  const holder = createServer()
  await new Promise<void>((r) => holder.listen(0, '127.0.0.1', () => r()))
  const taken = (holder.address() as { port: number }).port
  try {
    await page.goto(served.url)
    // The Echo view is the second tab (its name is Korean now).
    await page.getByRole('tablist').getByRole('tab').nth(1).click()
    const form = page.getByRole('form', { name: echo.server!.form })
    await form.getByLabel(echo.field!.port!, { exact: true }).fill(String(taken))
    await form.getByRole('button', { name: echo.server!.start, exact: true }).click()
    const alert = form.getByRole('alert')
    await expect(alert).toContainText(
      `포트 ${taken}번은 이미 node (pid ${process.pid})에서 사용 중입니다.`
    )
    await expect(alert).toContainText('다른 포트를 고르거나, 그 프로세스를 종료하세요.')
    await expect(alert).toContainText('EADDRINUSE')
    await expect(alert).not.toContainText('already in use')
  } finally {
    holder.close()
    await context.close()
  }
})
