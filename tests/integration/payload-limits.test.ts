// Payload limits that hold: a long text with escapes goes through validation and the echo
// intact; past the limit the user reads the limit in bytes; a client's queue is bounded in
// bytes, not only in repeats.
import { afterAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/dispatch'
import { Inspector } from '../../src/main/inspector'
import { LIMITS } from '../../src/shared/limits'
import { MAX_PAYLOAD_BYTES } from '../../src/shared/payload'
import { waitFor } from '../support/net'

const inspector = new Inspector({ shell: 'test' })
afterAll(() => inspector.close())

async function call(name: string, ...args: unknown[]): Promise<unknown> {
  const result = await dispatch(inspector, name, args)
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`)
  return result.value
}

async function fails(name: string, ...args: unknown[]): Promise<{ code: string; message: string }> {
  const result = await dispatch(inspector, name, args)
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`)
  return result.error
}

/**
 * A text of `chars` characters with its bytes: a long plain run (one stretch without
 * escapes, as a pasted file is), then plain ASCII, UTF-8 and every escape mixed.
 */
function escapedText(chars: number): { text: string; bytes: Buffer } {
  const run = 150_000
  const pieces: Array<[string, number[]]> = [
    ['abc', [0x61, 0x62, 0x63]],
    ['é', [0xc3, 0xa9]],
    ['\\n', [10]],
    ['\\x00', [0]],
    ['\\xff', [0xff]],
    ['\\\\', [92]],
    ['\\t', [9]]
  ]
  let text = 'p'.repeat(run)
  const bytes: number[] = Array<number>(run).fill(0x70)
  for (let i = 0; text.length < chars; i++) {
    const [piece, out] = pieces[i % pieces.length]!
    if (text.length + piece.length > chars) {
      text += 'z'.repeat(chars - text.length)
      bytes.push(...Array<number>(chars - text.length).fill(0x7a))
      break
    }
    text += piece
    for (const b of out) bytes.push(b)
  }
  return { text, bytes: Buffer.from(bytes) }
}

async function echoPair(): Promise<{ clientId: string }> {
  const server = (await call('echo:start', { protocol: 'tcp', port: 0 })) as { port: number }
  const client = (await call('client:connect', { protocol: 'tcp', port: server.port })) as {
    id: string
  }
  return { clientId: client.id }
}

async function received(id: string): Promise<Buffer> {
  const page = (await call('session:traffic', id, { limit: LIMITS.trafficPage.max })) as {
    chunks: Array<{ dir: string; data: string }>
  }
  return Buffer.concat(
    page.chunks.filter((c) => c.dir === 'in').map((c) => Buffer.from(c.data, 'base64'))
  )
}

describe('payload limits', () => {
  it('echoes a 400,000-character text with escapes exactly', async () => {
    const { text, bytes } = escapedText(400_000)
    expect(text.length).toBe(400_000)
    expect(bytes.length).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES)
    const { clientId } = await echoPair()
    const receipt = (await call('client:send', clientId, { data: text, encoding: 'text' })) as {
      bytesPerSend: number
    }
    expect(receipt.bytesPerSend).toBe(bytes.length)
    await waitFor(
      () => inspector.internals.sessions.get(clientId)!.bytesIn === bytes.length,
      'every byte echoed'
    )
    expect((await received(clientId)).equals(bytes)).toBe(true)
  })

  it('refuses a payload over the limit by saying the limit in bytes', async () => {
    const { clientId } = await echoPair()
    const error = await fails('client:send', clientId, {
      data: 'ab'.repeat(MAX_PAYLOAD_BYTES / 2) + 'c',
      encoding: 'text'
    })
    expect(error.code).toBe('EINVAL')
    expect(error.message).toMatch(/524,289 bytes; at most 524,288 bytes/)
    const longest = await fails('client:send', clientId, {
      data: 'a'.repeat(LIMITS.payloadChars + 1),
      encoding: 'text'
    })
    expect(longest.code).toBe('EINVAL')
    expect(longest.message).toMatch(/at most 524,288 bytes/)
  })

  it('bounds what a client queues in bytes: 10,000 × 512 KiB is refused, and says so', async () => {
    const { clientId } = await echoPair()
    const error = await fails('client:send', clientId, {
      data: '00'.repeat(MAX_PAYLOAD_BYTES),
      encoding: 'hex',
      repeat: 10_000
    })
    expect(error.code).toBe('EQUEUEFULL')
    expect(error.message).toMatch(/10,000 × 524,288 bytes is 5,242,880,000 bytes/)
    expect(error.message).toMatch(/at most 67,108,864 bytes/)
    // What fits is sent in full.
    await call('client:send', clientId, { data: 'ab', encoding: 'text', repeat: 10_000 })
    await waitFor(
      () => inspector.internals.sessions.get(clientId)!.bytesIn === 20_000,
      'all repeats echoed'
    )
  })
})
