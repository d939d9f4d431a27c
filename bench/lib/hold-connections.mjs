// Holds one end of N loopback TCP connections (its own process, for the fd limit):
//   node hold-connections.mjs server        → listens on a free port, prints it, keeps every accepted socket
//   node hold-connections.mjs client PORT N → opens N connections, prints "ready", keeps them open
// Both stop on SIGTERM or after a bound.
import { connect, createServer } from 'node:net'

const HOLD_BOUND_MS = 15 * 60 * 1000
const CONCURRENCY = 200
const [role, portText, countText] = process.argv.slice(2)
const sockets = []
setTimeout(() => process.exit(0), HOLD_BOUND_MS).unref()
// Reset rather than close: 10,000 orderly closes would leave 10,000 TIME_WAIT sockets in
// the kernel's table for a minute, under the next measurement and every other user's.
process.on('SIGTERM', () => {
  for (const s of sockets) s.resetAndDestroy()
  process.exit(0)
})
setInterval(() => undefined, 1 << 30)

if (role === 'server') {
  const server = createServer({ pauseOnConnect: true }, (s) => {
    s.on('error', () => undefined)
    sockets.push(s)
  })
  server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () =>
    console.log(server.address().port)
  )
} else {
  const port = Number(portText)
  const count = Number(countText)
  let next = 0
  const one = () =>
    new Promise((resolve, reject) => {
      const s = connect({ port, host: '127.0.0.1' }, () => resolve())
      s.on('error', reject)
      sockets.push(s)
    })
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        next++
        await one()
      }
    })
  )
  console.log('ready')
}
