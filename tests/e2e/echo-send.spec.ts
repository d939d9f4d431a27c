// Sending beyond one shot: a running repeat shows progress and stops; a saved payload
// survives a reload and is sent again; a TLS echo server with openssl s_client as the peer
// shows the version and cipher openssl agreed, and the app's own TLS client connects.
import { spawn } from 'node:child_process'
import { connectClient, sendForm, startServer } from './echo-helpers'
import { test, expect } from './fixtures'

test.describe('sending (serve + Chromium, real core)', () => {
  test('a running repeat shows sent / total and bytes, Send waits, Stop stops it', async ({
    page,
    served
  }) => {
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Echo' }).click()
    const { port } = await startServer(page)
    const { id, row } = await connectClient(page, port)
    const send = await sendForm(page, id)
    await send.getByLabel('Payload').fill('tick')
    await send.getByLabel('Repeat').fill('1000')
    await send.getByLabel('Every (ms)').fill('50')
    await send.getByRole('button', { name: 'Send' }).click()
    const progress = page.getByRole('status', { name: 'Repeat progress' })
    await expect(progress).toContainText(/Sending [1-9]\d* \/ 1000 · \d+ B of 3\.9 KiB/)
    await expect(send.getByRole('button', { name: 'Send' })).toBeDisabled()
    await progress.getByRole('button', { name: 'Stop' }).click()
    await expect(progress).toContainText(/Stopped at \d+ \/ 1000/)
    const sent = Number(/Stopped at (\d+)/.exec(await progress.innerText())![1])
    // Every tick that went out came back; nothing more goes out.
    await expect(row.locator('[data-col=bytes-in]')).toHaveText(String(sent * 4))
    await expect(row.locator('[data-col=bytes-out]')).toHaveText(String(sent * 4))
    await expect(send.getByRole('button', { name: 'Send' })).toBeEnabled()
  })

  test('save a payload with a name; after a reload pick it and send it again', async ({
    page,
    served
  }) => {
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Echo' }).click()
    const { port } = await startServer(page)
    const first = await connectClient(page, port)
    const send = await sendForm(page, first.id)
    await send.getByLabel('As').selectOption('hex')
    await send.getByLabel('Payload').fill('ca fe ba be')
    const saved = page.getByRole('group', { name: 'Saved payloads' })
    const name = `magic-${Date.now()}`
    await saved.getByLabel('Name').fill(name)
    await saved.getByRole('button', { name: 'Save current' }).click()
    await expect(saved.getByLabel('Saved payloads')).toHaveValue(name)

    await page.reload()
    await page.getByRole('tab', { name: 'Echo' }).click()
    const second = await connectClient(page, port)
    const again = page.getByRole('group', { name: 'Saved payloads' })
    await again.getByLabel('Saved payloads').selectOption(name)
    await again.getByRole('button', { name: 'Send saved' }).click()
    await expect(second.row.locator('[data-col=bytes-in]')).toHaveText('4')
    const traffic = page.getByRole('region', { name: `Traffic of ${second.id}` })
    await traffic.getByRole('radio', { name: 'Hex' }).click()
    await expect(traffic.getByRole('listitem').last()).toContainText('ca fe ba be')

    // Delete asks first, then it is gone.
    await again.getByRole('button', { name: 'Delete…' }).click()
    await again.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
    await expect(again.getByLabel('Saved payloads').locator(`option[value="${name}"]`)).toHaveCount(
      0
    )
  })

  test('TLS: openssl s_client as the peer; the session shows the version and cipher it agreed', async ({
    page,
    served
  }, info) => {
    await page.goto(served.url)
    await page.getByRole('tab', { name: 'Echo' }).click()
    const form = page.getByRole('form', { name: 'Start an echo server' })
    await form.getByLabel('TLS').check()
    await form.getByLabel('Port').fill('0')
    await form.getByRole('button', { name: 'Start' }).click()
    const started = form.getByRole('status', { name: 'Server started' })
    await expect(started).toContainText('TCP+TLS 127.0.0.1:')
    await expect(started).toContainText('certificate CN=localhost (self-signed)')
    const listenerId = (await started.getAttribute('data-listener'))!
    const port = Number(/:(\d+)/.exec(await started.innerText())![1])

    const openssl = spawn(
      'openssl',
      ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'localhost', '-brief'],
      { stdio: ['pipe', 'pipe', 'pipe'] }
    )
    let out = ''
    let err = ''
    openssl.stdout.on('data', (c: Buffer) => (out += c.toString()))
    openssl.stderr.on('data', (c: Buffer) => (err += c.toString()))
    const exited = new Promise<void>((r) => openssl.once('exit', () => r()))
    try {
      await expect.poll(() => err).toContain('CONNECTION ESTABLISHED')
      openssl.stdin.write('hello over tls\n')
      await expect.poll(() => out).toContain('hello over tls')
      const version = /Protocol version: (\S+)/.exec(err)![1]!
      const cipher = /Ciphersuite: (\S+)/.exec(err)![1]!
      const row = page
        .getByRole('table', { name: 'Sessions' })
        .locator(`[data-group="${listenerId}"]`)
        .first()
      await row.click()
      const facts = page.getByLabel('Session facts')
      await expect(facts.locator('[data-fact=tls-version]')).toHaveText(version)
      await expect(facts.locator('[data-fact=tls-cipher]')).toHaveText(cipher)
      await expect(facts.locator('[data-fact=peer-cert]')).toContainText('CN=localhost')
      await expect(facts.locator('[data-fact=bytes]')).toContainText('plaintext 15 in / 15 out')

      // The app's own TLS client, not verifying the self-signed certificate.
      const connect = page.getByRole('form', { name: 'Connect a client' })
      await connect.getByLabel('Port').fill(String(port))
      await connect.getByLabel('TLS').check()
      await connect.getByLabel('Verify certificate').uncheck()
      await connect.getByRole('button', { name: 'Connect' }).click()
      await expect(page.getByRole('status', { name: 'Client connected' })).toContainText(
        /over TLSv1\.[23] \(/
      )
      await expect(facts.locator('[data-fact=peer-cert]')).toContainText(
        'peer CN=localhost, valid to'
      )
      await page.screenshot({ path: info.outputPath('echo-tls.png') })
    } finally {
      openssl.stdin.end()
      await exited
    }
  })
})
