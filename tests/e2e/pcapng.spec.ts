// The Echo view's pcapng exports, opened by Debian's tshark: a client session's file holds
// what it sent and got back, with comments naming the process; a server's file holds all of
// its sessions.
import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { echoClient } from './echo-helpers'
import { test, expect } from './fixtures'

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'si-e2e-pcapng-'))

test('Export pcapng for a session and for a server; tshark reads both', async ({
  page,
  served
}) => {
  const { id, row, send, server } = await echoClient(page, served.url)
  const { id: serverId, card, port } = server
  await send.getByLabel('Payload').fill('pcapng from the UI')
  await send.getByRole('button', { name: 'Send' }).click()
  await expect(row.locator('[data-col=bytes-in]')).toHaveText('18')

  const traffic = page.getByRole('region', { name: `Traffic of ${id}` })
  const download = page.waitForEvent('download')
  await traffic.getByRole('button', { name: 'Export pcapng' }).click()
  const file = join(dir, 'session.pcapng')
  await (await download).saveAs(file)
  const follow = await run('tshark', ['-r', file, '-q', '-z', 'follow,tcp,ascii,0'])
  expect(follow.stdout).toContain('pcapng from the UI')
  expect(follow.stdout).toContain(`Node 1: 127.0.0.1:${port}`)
  const comments = await run('tshark', ['-r', file, '-T', 'fields', '-e', 'frame.comment'])
  expect(comments.stdout).toContain(`session ${id} synthesized: handshake SYN`)
  expect(comments.stdout).toMatch(/^\S+ pid \d+ fd \d+ session /m)

  // Other specs' sessions share the list: show this server's alone, its row on top.
  await page.getByLabel('Sessions of server').selectOption(serverId)
  const serverDownload = page.waitForEvent('download')
  await card.getByRole('button', { name: 'Sessions as pcapng' }).click()
  const serverFile = join(dir, `${serverId}.pcapng`)
  await (await serverDownload).saveAs(serverFile)
  const streams = await run('tshark', ['-r', serverFile, '-T', 'fields', '-e', 'tcp.stream'])
  expect(new Set(streams.stdout.trim().split('\n')).size).toBe(1)
  const data = await run('tshark', ['-r', serverFile, '-q', '-z', 'follow,tcp,ascii,0'])
  expect(data.stdout).toContain('pcapng from the UI')
})
