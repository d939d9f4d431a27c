// A Unix stream server in its own process, for the Unix-pair tests: prints "ready" once it
// listens on PATH, answers nothing, and exits when the test closes its stdin.
import { createServer } from 'node:net'

const path = process.argv[2]
const server = createServer((s) => s.on('data', () => undefined))
server.listen(path, () => console.log('ready'))
process.stdin.resume()
process.stdin.on('end', () => server.close(() => process.exit(0)))
