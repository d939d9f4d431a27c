// Sending beyond one shot: a running repeat shows progress and stops; a saved payload
// survives a reload and is sent again; a file's bytes go and come back exactly; a TLS echo server with openssl s_client as the peer
// shows the version and cipher openssl agreed, and the app's own TLS client connects.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LIMITS } from '../../src/shared/limits'
import { connectClient, echoClient, sendForm, startServer } from './echo-helpers'
import { test, expect } from './fixtures'

/** The bytes of one direction's chunks in a hex export (src/shared/traffic-format.ts). */
function bytesOf(dump: string, dir: 'in' | 'out'): Buffer {
  const parts: Buffer[] = []
  for (const chunk of dump.split('\n\n')) {
    const [head, ...rows] = chunk.split('\n')
    if (!new RegExp(` ${dir} +\\d+ B$`).test(head!)) continue
    for (const r of rows) parts.push(Buffer.from(r.slice(10, 59).replace(/ /g, ''), 'hex'))
  }
  return Buffer.concat(parts)
}

test.describe('sending (serve + Chromium, real core)', () => {
  test('a running repeat shows sent / total and bytes, Send waits, Stop stops it', async ({
    page,
    served
  }) => {
    const { row, send } = await echoClient(page, served.url)
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

  test("a file's bytes go as hex and come back, every byte; a file over the limit is refused in words", async ({
    page,
    served
  }) => {
    // Every byte value, zeros and newlines included, then more: 4,352 bytes in all.
    const bytes = Buffer.concat([
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      randomBytes(4096)
    ])
    const dir = mkdtempSync(join(tmpdir(), 'si-e2e-file-'))
    const file = join(dir, 'payload.bin')
    writeFileSync(file, bytes)
    const { id, row, send } = await echoClient(page, served.url)
    await send.getByLabel('From a file').setInputFiles(file)
    await expect(send.getByLabel('As')).toHaveValue('hex')
    await expect(send.getByLabel('Payload')).toHaveValue(bytes.toString('hex'))
    await send.getByRole('button', { name: 'Send' }).click()
    await expect(row.locator('[data-col=bytes-out]')).toHaveText(String(bytes.length))
    await expect(row.locator('[data-col=bytes-in]')).toHaveText(String(bytes.length))
    // What came back is what was sent, in order: the exported hex dump's received chunks.
    const traffic = page.getByRole('region', { name: `Traffic of ${id}` })
    const download = page.waitForEvent('download')
    await traffic.getByRole('button', { name: 'Export hex' }).click()
    const dump = readFileSync((await (await download).path())!, 'utf8')
    expect(bytesOf(dump, 'in')).toEqual(bytes)
    expect(bytesOf(dump, 'out')).toEqual(bytes)

    // A file larger than a payload holds is refused before anything is sent.
    const big = join(dir, 'big.bin')
    // The form sends a file as hex, two characters a byte, within the payload's limit.
    writeFileSync(big, Buffer.alloc(LIMITS.payloadChars / 2 + 1))
    await send.getByLabel('From a file').setInputFiles(big)
    // Both round to 1.0 MiB, so the sentence gives the bytes.
    await expect(page.locator('#send-problem')).toHaveText(
      `big.bin is 1,048,577 B; a payload holds at most 1,048,576 B. Pick a smaller file.`
    )
    await expect(send.getByRole('button', { name: 'Send' })).toBeDisabled()
    rmSync(dir, { recursive: true, force: true })
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
