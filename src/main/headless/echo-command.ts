// `socket-inspector echo`: run echo servers in a terminal, printing each session as it opens
// and closes, until Ctrl-C.
import { InspectorFailure } from '../../shared/errors'
import { formatEndpoint } from '../../shared/endpoint'
import type { Listener, ListenerSpec, Session } from '../../shared/model'
import { invoke } from '../dispatch'
import type { Inspector } from '../inspector'

export interface EchoCliOptions {
  readonly tcp?: number
  readonly udp?: number
  readonly unix?: string
  readonly host: string
  readonly greeting?: string
}

export function specsFrom(opts: EchoCliOptions): ListenerSpec[] {
  const specs: ListenerSpec[] = []
  const greeting = opts.greeting === undefined ? {} : { greeting: opts.greeting }
  if (opts.tcp !== undefined)
    specs.push({ protocol: 'tcp', host: opts.host, port: opts.tcp, ...greeting })
  if (opts.udp !== undefined) specs.push({ protocol: 'udp', host: opts.host, port: opts.udp })
  if (opts.unix !== undefined) specs.push({ protocol: 'unix', path: opts.unix, ...greeting })
  if (specs.length === 0) {
    throw new InspectorFailure(
      'EINVAL',
      'Say which echo servers to start.',
      'Use --tcp PORT, --udp PORT or --unix PATH (port 0 = any free port).'
    )
  }
  return specs
}

export function listenerLine(l: Listener): string {
  const where = l.path ?? formatEndpoint({ address: l.host, port: l.port })
  return `listening  ${l.protocol.padEnd(4)} ${where}  fd ${l.fd ?? '-'}  (${l.id})`
}

export function sessionLine(s: Session, event: 'open' | 'closed'): string {
  const head = `${event.padEnd(9)}  ${s.protocol.padEnd(4)} ${formatEndpoint(s.local)} <- ${formatEndpoint(s.remote)}  fd ${s.fd ?? '-'}  (${s.id})`
  if (event === 'open') return head
  const why = s.error ? `${s.closeReason}: ${s.error.code}` : s.closeReason
  return `${head}  in ${s.bytesIn} B  out ${s.bytesOut} B  (${why})`
}

/** Starts the servers and prints their sessions; returns a function that stops everything. */
export async function runEcho(
  inspector: Inspector,
  opts: EchoCliOptions,
  print: (line: string) => void
): Promise<() => Promise<void>> {
  const specs = specsFrom(opts)
  const opened = new Set<string>()
  const done = new Set<string>()
  const off = inspector.on('session:update', (sessions) => {
    for (const s of sessions) {
      if (!opened.has(s.id)) {
        opened.add(s.id)
        print(sessionLine(s, 'open'))
      }
      if ((s.state === 'closed' || s.state === 'error') && !done.has(s.id)) {
        done.add(s.id)
        print(sessionLine(s, 'closed'))
      }
    }
  })
  inspector.on('app:notice', (n) => print(`note       ${n.message}`))
  try {
    for (const spec of specs) {
      print(listenerLine(await invoke(inspector, 'echo:start', spec)))
    }
  } catch (err) {
    off()
    await inspector.close()
    throw err
  }
  return async () => {
    await inspector.close()
    off()
  }
}
