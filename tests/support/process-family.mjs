// A parent with two children, each holding sockets, for the process-tree tests.
//   node process-family.mjs parent SERVER_PORT   → forks two children, listens itself,
//   node process-family.mjs child SERVER_PORT N  → listens, connects to SERVER_PORT and sends N bytes
// Each process prints one JSON line when its sockets are in place, then waits until its
// parent (or the test, for the parent) closes its stdin. Loopback only.
import { fork } from 'node:child_process'
import { connect, createServer } from 'node:net'

const [role, serverPort, bytes] = process.argv.slice(2)

function listen() {
  return new Promise((resolve) => {
    const server = createServer((s) => s.on('data', () => undefined))
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}

async function child() {
  const server = await listen()
  const socket = connect(Number(serverPort), '127.0.0.1')
  await new Promise((r) => socket.once('connect', r))
  socket.on('data', () => undefined)
  socket.write(Buffer.alloc(Number(bytes), 0x61))
  process.send({ pid: process.pid, listenPort: server.address().port, localPort: socket.localPort })
  process.on('disconnect', () => process.exit(0))
}

async function parent() {
  const server = await listen()
  const kids = [4000, 7000].map((n) =>
    fork(new URL(import.meta.url), ['child', serverPort, String(n)])
  )
  const ready = await Promise.all(kids.map((k) => new Promise((r) => k.once('message', r))))
  console.log(
    JSON.stringify({ pid: process.pid, listenPort: server.address().port, children: ready })
  )
  process.stdin.resume()
  process.stdin.on('end', () => {
    for (const k of kids) k.disconnect()
    process.exit(0)
  })
}

if (role === 'parent') await parent()
else await child()
