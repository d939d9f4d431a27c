import { test, expect } from './fixtures'

test.describe('browser mode (socket-inspector serve + Chromium)', () => {
  test('shows the real core’s pid and platform, under a strict CSP', async ({
    page,
    served
  }, info) => {
    const violations: string[] = []
    page.on('console', (msg) => {
      if (msg.type() === 'error') violations.push(msg.text())
    })
    await page.goto(served.url)
    await expect(page.getByRole('status', { name: 'Connection to the core' })).toContainText(
      'Connected'
    )
    await page.getByRole('tab', { name: 'Machine' }).click()
    const facts = page.getByRole('definition')
    await expect(page.locator('dd[data-fact="Core pid"]')).toHaveText(String(served.pid))
    await expect(page.locator('dd[data-fact="Platform"]')).toContainText(process.platform)
    await expect(facts.filter({ hasText: 'headless' })).toHaveCount(1)
    const sources = page.getByRole('table', { name: 'Connection-table sources' })
    await expect(sources.getByRole('row')).not.toHaveCount(1)
    if (process.platform === 'linux') {
      await expect(
        sources
          .getByRole('row', { name: /^procfs / })
          .getByRole('cell')
          .nth(1)
      ).toHaveText('available')
    }
    expect(violations).toEqual([])
    await page.screenshot({ path: info.outputPath('machine-view.png'), fullPage: true })
    if (process.env.UPDATE_DOCS_SCREENSHOTS) {
      await page.screenshot({ path: 'docs/screenshots/machine-view.png' })
    }
  })

  test('refuses a request without the token with 401, over HTTP and WebSocket', async ({
    browser,
    served
  }) => {
    // A fresh context has no token cookie from an earlier page.
    const context = await browser.newContext()
    const page = await context.newPage()
    const response = await page.goto(served.origin + '/')
    expect(response?.status()).toBe(401)
    await expect(page.locator('body')).toContainText('needs its token')
    const closeCode = await page.evaluate(
      (wsUrl) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(wsUrl)
          ws.onclose = (e) => resolve(e.code)
        }),
      served.origin.replace('http', 'ws') + '/ws'
    )
    expect(closeCode).toBe(4401)
    await context.close()
  })

  test('keeps working when the page is opened a second time with only the cookie', async ({
    page,
    served
  }) => {
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Machine' }).click()
    await expect(page.locator('dd[data-fact="Core pid"]')).toHaveText(String(served.pid))
    await page.goto(served.origin + '/')
    await page.getByRole('tab', { name: 'Machine' }).click()
    await expect(page.locator('dd[data-fact="Core pid"]')).toHaveText(String(served.pid))
  })
})

test('keyboard: Ctrl+2, Ctrl+3 and Ctrl+4 switch views, Ctrl+F goes to the table filter', async ({
  page,
  served
}) => {
  await page.goto(served.url)
  await expect(page.getByRole('tab', { name: 'Connections' })).toHaveAttribute(
    'aria-selected',
    'true'
  )
  await page.keyboard.press('Control+2')
  await expect(page.getByRole('tab', { name: 'Echo' })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Control+3')
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Control+4')
  await expect(page.getByRole('tab', { name: 'Machine' })).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Control+f')
  await expect(page.getByRole('searchbox', { name: 'Filter connections' })).toBeFocused()
})

test('the theme follows the system; a choice in the header overrides it and is remembered', async ({
  page,
  served
}) => {
  const background = (): Promise<string> =>
    page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(served.url)
  await expect.poll(background).toBe('rgb(20, 23, 28)')
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(background).toBe('rgb(246, 247, 249)')
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
  await expect.poll(background).toBe('rgb(20, 23, 28)')
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark')
  await expect.poll(background).toBe('rgb(20, 23, 28)')
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system')
  await expect.poll(background).toBe('rgb(246, 247, 249)')
})

test('the header holds one row at 1280 px in English and Korean; narrower, nothing is cut off', async ({
  page,
  served
}) => {
  const tabs = page.getByRole('tablist')
  const badge = page.getByRole('status', { name: /Connection to the core|코어와의 연결/ })
  const box = async (l: typeof tabs): Promise<{ x: number; y: number; w: number; h: number }> => {
    const b = (await l.boundingBox())!
    return { x: b.x, y: b.y, w: b.width, h: b.height }
  }
  const sameRow = async (): Promise<boolean> => {
    const [t, b] = [await box(tabs), await box(badge)]
    return b.y < t.y + t.h && t.y < b.y + b.h
  }
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(served.url)
  await expect(badge).toContainText('Connected')
  expect(await sameRow()).toBe(true)
  // The whole badge is on screen (its words, not just the dot).
  const b = await box(badge)
  expect(b.x + b.w).toBeLessThanOrEqual(1280)
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko')
  await expect(badge).toContainText('연결됨')
  expect(await sameRow()).toBe(true)
  await page.getByRole('combobox', { name: '언어' }).selectOption('en')
  await expect(badge).toContainText('Connected')
  // Narrower than the row: the controls move under the tabs, still whole.
  await page.setViewportSize({ width: 1000, height: 800 })
  await expect.poll(sameRow).toBe(false)
  const narrow = await box(badge)
  expect(narrow.x + narrow.w).toBeLessThanOrEqual(1000)
})
