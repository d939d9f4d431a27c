// UDP load (its own process): COUNT datagrams of SIZE bytes with WINDOW in flight; each echo
// sends the next. If echoes stop (a datagram was lost) the window is refilled, so a loss
// cannot stall the run. Prints packets echoed per second and how many were lost.
import { createSocket } from 'node:dgram'

const [port, count, size, window] = process.argv.slice(2).map(Number)
const STALL_MS = 50
const DEADLINE_MS = 60_000
const msg = Buffer.alloc(size, 0x62)
const s = createSocket('udp4')
await new Promise((r) => s.connect(port, '127.0.0.1', r))

let sent = 0
let got = 0
let last = Date.now()
const t0 = process.hrtime.bigint()
await new Promise((resolve) => {
  const send = () => {
    if (sent < count) {
      sent++
      s.send(msg)
    }
  }
  const finish = () => {
    clearInterval(stall)
    clearTimeout(deadline)
    resolve()
  }
  s.on('message', () => {
    got++
    last = Date.now()
    if (got >= count) finish()
    else send()
  })
  const stall = setInterval(() => {
    if (Date.now() - last <= STALL_MS) return
    if (sent >= count) return finish() // the rest were lost
    for (let i = 0; i < window; i++) send()
    last = Date.now()
  }, STALL_MS)
  const deadline = setTimeout(finish, DEADLINE_MS)
  for (let i = 0; i < window; i++) send()
})
const seconds = Number(process.hrtime.bigint() - t0) / 1e9
s.close()
console.log(JSON.stringify({ sent, got, lost: sent - got, seconds, pps: got / seconds }))
