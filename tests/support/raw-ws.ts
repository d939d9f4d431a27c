// A WebSocket client on a bare TCP socket, for tests that must stop reading for real: a
// library client resumes its socket by itself, this one reads only when told. RFC 6455
// framing, text frames only, client frames masked as the RFC requires.
import { randomBytes } from 'node:crypto'
import { connect } from 'node:net'
import type { Socket } from 'node:net'

export interface RawFrame {
  readonly opcode: number
  readonly payload: Buffer
}

export interface RawWs {
  readonly socket: Socket
  /** Frames received so far, in order. */
  readonly frames: RawFrame[]
  sendText(text: string): void
}

export function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text)
  const n = payload.length
  const head =
    n < 126
      ? Buffer.from([0x81, 0x80 | n])
      : n < 65_536
        ? Buffer.from([0x81, 0x80 | 126, n >> 8, n & 0xff])
        : Buffer.concat([Buffer.from([0x81, 0x80 | 127]), u64(n)])
  const mask = randomBytes(4)
  for (let i = 0; i < n; i++) payload[i]! ^= mask[i % 4]!
  return Buffer.concat([head, mask, payload])
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8)
  b.writeBigUInt64BE(BigInt(n))
  return b
}

/** Opens the socket, does the handshake, and parses the server's frames as they are read. */
export function openRawWs(port: number, path: string): Promise<RawWs> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const frames: RawFrame[] = []
    let upgraded = false
    socket.on('error', reject)
    socket.on('connect', () =>
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
          'Sec-WebSocket-Version: 13\r\n\r\n'
      )
    )
    const queue = new ChunkQueue()
    socket.on('data', (chunk: Buffer) => {
      queue.push(chunk)
      if (!upgraded) {
        const all = queue.peek(queue.total)!
        const end = all.indexOf('\r\n\r\n')
        if (end < 0) return
        if (!all.subarray(0, 12).toString().includes('101')) {
          reject(new Error(`upgrade refused: ${all.toString().split('\r\n')[0]}`))
          return
        }
        queue.drop(end + 4)
        upgraded = true
        resolve({ socket, frames, sendText: (t) => socket.write(maskedTextFrame(t)) })
      }
      takeFrames(queue, frames)
    })
  })
}

/** Received bytes, joined only when a whole frame is there (frames here run to megabytes). */
class ChunkQueue {
  private chunks: Buffer[] = []
  total = 0

  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.total += chunk.length
  }

  peek(n: number): Buffer | null {
    if (this.total < n) return null
    if (this.chunks[0]!.length < n) this.chunks = [Buffer.concat(this.chunks)]
    return this.chunks[0]!
  }

  drop(n: number): void {
    const first = this.peek(n)!
    this.chunks[0] = first.subarray(n)
    this.total -= n
  }
}

function takeFrames(queue: ChunkQueue, into: RawFrame[]): void {
  for (;;) {
    if (queue.total < 2) return
    const head = queue.peek(Math.min(queue.total, 10))!
    let len = head[1]! & 0x7f
    let at = 2
    if (len === 126) {
      if (queue.total < 4) return
      len = head.readUInt16BE(2)
      at = 4
    } else if (len === 127) {
      if (queue.total < 10) return
      len = Number(head.readBigUInt64BE(2))
      at = 10
    }
    const whole = queue.peek(at + len)
    if (!whole) return
    into.push({ opcode: whole[0]! & 0x0f, payload: Buffer.from(whole.subarray(at, at + len)) })
    queue.drop(at + len)
  }
}
