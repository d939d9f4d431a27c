// The core as a host process runs it (issue 9 forks the core with CORE_V8_FLAGS): an
// Inspector in a plain Node process, one echo server started through its command.
//   node <CORE_V8_FLAGS> --import tsx bench/lib/core-echo.ts tcp|udp PORT
import { Inspector } from '../../src/main/inspector'

async function main(): Promise<void> {
  const [protocol, port] = process.argv.slice(2)
  if (protocol !== 'tcp' && protocol !== 'udp') throw new Error('tcp or udp')
  const inspector = new Inspector({ shell: 'headless' })
  await inspector.call('echo:start', [{ protocol, host: '127.0.0.1', port: Number(port) }])
  process.on('SIGTERM', () => void inspector.close().finally(() => process.exit(0)))
}

void main()
