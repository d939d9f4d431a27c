import { connectClient, sendForm, startServer } from './echo-helpers'
import { test, expect } from './fixtures'

test.describe('teaching the socket', () => {
  test('a client that closes: its calls in sequence beside the server’s, and its path to TIME_WAIT on the state diagram', async ({
    page,
    served
  }, info) => {
    await page.setViewportSize({ width: 1280, height: 1000 })
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Echo' }).click()
    const { port } = await startServer(page, 'TCP')
    const { id, row: client } = await connectClient(page, port)
    await (await sendForm(page, id)).getByRole('button', { name: 'Send' }).click()
    await expect(client.locator('[data-col=bytes-in]')).toHaveText('14')
    const clientPort = /:(\d+)$/.exec(await client.getByRole('cell').nth(1).innerText())![1]
    // The table has seen the connection established (its kernel state on the session row)
    // before the client closes, so the life cycle has the state to start from.
    await expect(client.locator('[data-col=kernel-state]')).toHaveText('ESTABLISHED')
    await (await sendForm(page, id)).getByRole('button', { name: 'Close' }).click()
    await expect(client.locator('[data-col=app-state]')).toHaveText(/^closed/)

    // The sequence: the client's calls, the accepted socket's, the listening socket's.
    await client.click()
    const seq = page.getByRole('region', { name: `Calls of ${id}` })
    const steps = seq.locator('.seq-step.call')
    await expect(steps.filter({ hasText: 'close()' })).toHaveCount(2)
    for (const text of [
      'socket()',
      'listen(fd',
      'accept() → fd',
      'write(14 B)',
      'read → 14 B',
      'shutdown(SHUT_WR) → FIN',
      'read → 0 (peer sent FIN)'
    ]) {
      await expect(steps.filter({ hasText: text }).first()).toBeVisible()
    }
    await seq.scrollIntoViewIfNeeded()
    await seq.screenshot({ path: info.outputPath('call-sequence.png') })
    if (process.env.UPDATE_DOCS_SCREENSHOTS)
      await seq.screenshot({ path: 'docs/screenshots/call-sequence.png' })

    // The client's end closed first, so it waits in TIME_WAIT: its path on the diagram.
    await page.getByRole('tab', { name: 'Connections' }).click()
    await page.getByRole('searchbox', { name: 'Filter connections' }).fill(`port:${clientPort}`)
    const table = page.getByRole('table', { name: 'Connections table' })
    await table
      .getByRole('row')
      .filter({ hasText: `127.0.0.1:${clientPort}` })
      .filter({ hasText: `127.0.0.1:${port}` })
      .filter({ hasText: 'TIME_WAIT' })
      .click()
    const section = page.getByRole('region', { name: 'Life on the state diagram' })
    // The compact diagram in the details (the dialog's copy stays closed until asked).
    const diagram = section.locator(':scope > .state-diagram')
    await expect(diagram.locator('.sd-state.current')).toHaveAttribute('data-state', 'TIME_WAIT')
    await expect(diagram.locator('.sd-state.seen[data-state=ESTABLISHED]')).toHaveCount(1)
    // Between ESTABLISHED and TIME_WAIT the table saw no poll: the close is inferred.
    await expect(
      diagram.locator('.sd-edge.walked[data-from=ESTABLISHED][data-to=FIN_WAIT1]')
    ).toHaveCount(1)
    await diagram.getByRole('button', { name: /^TIME_WAIT/ }).focus()
    await expect(diagram.locator('.sd-note')).toContainText('2×MSL')
    await section.getByRole('button', { name: 'Enlarge' }).click()
    const large = page.getByRole('dialog', { name: 'TCP state diagram' })
    await expect(large.locator('.sd-state.current')).toHaveAttribute('data-state', 'TIME_WAIT')
    await large.getByRole('button', { name: /^CLOSE_WAIT/ }).focus()
    await expect(large.locator('.sd-note')).toContainText('has not called close()')
    await large.screenshot({ path: info.outputPath('state-diagram.png') })
    if (process.env.UPDATE_DOCS_SCREENSHOTS)
      await large.screenshot({ path: 'docs/screenshots/state-diagram.png' })
    await large.getByRole('button', { name: 'Close', exact: true }).click()
    await expect(large).toBeHidden()
  })
})
