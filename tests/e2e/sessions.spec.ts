import { createSocket } from 'node:dgram'
import { connect } from 'node:net'
import { connectClient, sendForm, startServer } from './echo-helpers'
import { test, expect } from './fixtures'

test.describe('sessions from outside the app', () => {
  test('a Node TCP client and a UDP client appear as sessions, with the bytes they sent', async ({
    page,
    served
  }) => {
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Echo' }).click()
    const tcp = await startServer(page, 'TCP')
    const udp = await startServer(page, 'UDP')

    const socket = connect(tcp.port, '127.0.0.1')
    await new Promise<void>((r) => socket.once('connect', () => r()))
    socket.write(Buffer.alloc(1000, 7))
    const dgram = createSocket('udp4')
    await new Promise<void>((r) =>
      dgram.send(Buffer.alloc(321, 1), udp.port, '127.0.0.1', () => r())
    )
    try {
      const tcpRow = tcp.sessions.first()
      await expect(tcpRow.locator('[data-col=bytes-in]')).toHaveText('1000')
      await expect(tcpRow.locator('[data-col=bytes-out]')).toHaveText('1000')
      await expect(tcpRow.locator('[data-col=kernel-state]')).toHaveText('ESTABLISHED')
      const udpRow = udp.sessions.first()
      await expect(udpRow.locator('[data-col=bytes-in]')).toHaveText('321')
      await expect(udpRow.locator('[data-col=bytes-out]')).toHaveText('321')
    } finally {
      socket.destroy()
      dgram.close()
    }
  })

  test('closing a client turns its server-side row to closing and leaves a TIME_WAIT row, whose life cycle shows ESTABLISHED → TIME_WAIT', async ({
    page,
    served
  }, info) => {
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Echo' }).click()
    const { port } = await startServer(page, 'TCP')
    const { id, row: client } = await connectClient(page, port)
    const send = await sendForm(page, id)
    await send.getByRole('button', { name: 'Send' }).click()
    await expect(client.locator('[data-col=bytes-in]')).toHaveText('14')
    const clientPort = /:(\d+)$/.exec(await client.locator('[data-col=local]').innerText())![1]

    await page.getByRole('tab', { name: 'Connections' }).click()
    await page.getByRole('searchbox', { name: 'Filter connections' }).fill(`port:${port}`)
    const table = page.getByRole('table', { name: 'Connections table' })
    const rows = table.getByRole('row').filter({ has: page.getByRole('cell') })
    await expect(rows).toHaveCount(3) // the listener, the client, the accepted end

    await page.getByRole('tab', { name: 'Echo' }).click()
    await (await sendForm(page, id)).getByRole('button', { name: 'Close' }).click()
    await expect(client.locator('[data-col=app-state]')).toHaveText(/^closed/)
    await page.getByRole('tab', { name: 'Connections' }).click()
    await page.getByRole('searchbox', { name: 'Filter connections' }).fill(`port:${port}`)
    // The client closed first: its end waits in TIME_WAIT; the server's end is gone (closing).
    const clientEnd = rows
      .filter({ hasText: `127.0.0.1:${clientPort}` })
      .filter({ hasText: `:${port}` })
    await expect(clientEnd.filter({ hasText: 'TIME_WAIT' })).toHaveCount(1)
    await expect(rows.and(page.locator('[data-mark=closing]'))).toHaveCount(1)

    // Its details tell the life cycle the kernel went through: ESTABLISHED, then TIME_WAIT.
    await clientEnd.filter({ hasText: 'TIME_WAIT' }).click()
    const life = page
      .getByRole('complementary', { name: 'Socket details' })
      .getByRole('list', { name: 'Life cycle' })
      .getByRole('listitem')
    await expect(life.first()).toContainText('ESTABLISHED')
    await expect(life.last()).toContainText('TIME_WAIT')
    await page.screenshot({ path: info.outputPath('connections-details.png') })
    if (process.env.UPDATE_DOCS_SCREENSHOTS)
      await page.screenshot({ path: 'docs/screenshots/connections-details.png' })
  })
})
