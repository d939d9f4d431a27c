// Load generator (its own process): N connections each stream their share of TOTAL bytes in
// 64 KiB writes and read the echo back. Prints one JSON line: bytes, seconds, verified.
import { connect } from 'node:net'

const [port, connections, totalBytes, writeSize] = process.argv.slice(2).map(Number)
const perConn = Math.floor(totalBytes / connections / writeSize) * writeSize
const block = Buffer.alloc(writeSize, 0x61)
/** Bounds a broken run; a healthy one ends by itself when every byte is back. */
const DEADLINE_MS = 120_000

function one() {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', noDelay: true })
    let sent = 0
    let got = 0
    s.on('data', (d) => {
      got += d.length
      if (got >= perConn) s.end()
    })
    s.on('error', reject)
    s.on('close', () => resolve(got))
    const pump = () => {
      while (sent < perConn) {
        sent += block.length
        if (!s.write(block)) return void s.once('drain', pump)
      }
    }
    s.on('connect', pump)
  })
}

const deadline = setTimeout(() => {
  console.error('deadline passed')
  process.exit(2)
}, DEADLINE_MS)
const t0 = process.hrtime.bigint()
const got = await Promise.all(Array.from({ length: connections }, one))
const seconds = Number(process.hrtime.bigint() - t0) / 1e9
clearTimeout(deadline)
const bytes = got.reduce((a, b) => a + b, 0)
console.log(JSON.stringify({ bytes, seconds, verified: bytes === perConn * connections }))
