// N connections (its own process): each sends BYTES random bytes, reads the echo back, then
// stays open and idle. Prints "idle" once all are idle; exits on SIGTERM or after a bound.
import { randomBytes } from 'node:crypto'
import { connect } from 'node:net'

const [port, count, bytes] = process.argv.slice(2).map(Number)
const IDLE_BOUND_MS = 120_000
const sockets = []
await Promise.all(
  Array.from(
    { length: count },
    () =>
      new Promise((resolve, reject) => {
        const s = connect({ port, host: '127.0.0.1' })
        sockets.push(s)
        let got = 0
        s.on('data', (d) => {
          got += d.length
          if (got >= bytes) resolve()
        })
        s.on('error', reject)
        s.on('connect', () => s.write(randomBytes(bytes)))
      })
  )
)
console.log('idle')
setTimeout(() => process.exit(0), IDLE_BOUND_MS).unref()
process.on('SIGTERM', () => {
  sockets.forEach((s) => s.destroy())
  process.exit(0)
})
setInterval(() => undefined, 1 << 30)
