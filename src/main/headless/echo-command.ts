// `socket-inspector echo`: run echo servers in a terminal, printing each session as it opens
// and closes, until Ctrl-C.
import { InspectorFailure } from '../../shared/errors'
import { formatEndpoint } from '../../shared/endpoint'
import type { Listener, ListenerSpec, Session } from '../../shared/model'
import { invoke } from '../dispatch'
import type { Inspector } from '../inspector'
import { checkWritable, writeSessionsPcapng } from './pcapng-file'

export interface EchoCliOptions {
  readonly tcp?: number
  readonly udp?: number
  readonly unix?: string
  readonly host: string
  readonly greeting?: string
  /** A TLS echo server on this port; with cert and key, the user's certificate. */
  readonly tls?: number
  readonly cert?: string
  readonly key?: string
  /** Write every session served to this pcapng file on exit. */
  readonly pcapng?: string
}

export function specsFrom(opts: EchoCliOptions): ListenerSpec[] {
  const specs: ListenerSpec[] = []
  const greeting = opts.greeting === undefined ? {} : { greeting: opts.greeting }
  if (opts.tcp !== undefined)
    specs.push({ protocol: 'tcp', host: opts.host, port: opts.tcp, ...greeting })
  if (opts.udp !== undefined) specs.push({ protocol: 'udp', host: opts.host, port: opts.udp })
  if (opts.unix !== undefined) specs.push({ protocol: 'unix', path: opts.unix, ...greeting })
  if ((opts.cert !== undefined || opts.key !== undefined) && opts.tls === undefined) {
    throw new InspectorFailure(
      'EINVAL',
      '--cert and --key are for a TLS server.',
      'Add --tls PORT, or leave --cert and --key out.'
    )
  }
  if (opts.tls !== undefined) {
    const files =
      opts.cert !== undefined || opts.key !== undefined
        ? {
            ...(opts.cert ? { certPath: opts.cert } : {}),
            ...(opts.key ? { keyPath: opts.key } : {})
          }
        : {}
    specs.push({ protocol: 'tcp', host: opts.host, port: opts.tls, ...greeting, tls: files })
  }
  if (specs.length === 0) {
    throw new InspectorFailure(
      'EINVAL',
      'Say which echo servers to start.',
      'Use --tcp PORT, --udp PORT, --tls PORT or --unix PATH (port 0 = any free port).'
    )
  }
  return specs
}

export function listenerLine(l: Listener): string {
  const where = l.path ?? formatEndpoint({ address: l.host, port: l.port })
  const line = `listening  ${(l.tls ? 'tls' : l.protocol).padEnd(4)} ${where}  fd ${l.fd ?? '-'}  (${l.id})`
  if (!l.tls) return line
  const whose = l.tls.selfSigned ? 'self-signed' : 'yours'
  return `${line}\ncert       ${l.tls.subject ?? '?'} (${whose}), valid to ${l.tls.validTo ?? '?'}`
}

/** The handshake's outcome, printed once per TLS session. */
export function tlsLine(s: Session): string {
  return `tls        ${s.tls?.version ?? '-'}  ${s.tls?.cipher ?? '-'}${s.tls?.alpn ? `  alpn ${s.tls.alpn}` : ''}  (${s.id})`
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
  if (opts.pcapng !== undefined) checkWritable(opts.pcapng)
  const opened = new Set<string>()
  const done = new Set<string>()
  const secured = new Set<string>()
  const off = inspector.on('session:update', (sessions) => {
    for (const s of sessions) {
      if (!opened.has(s.id)) {
        opened.add(s.id)
        print(sessionLine(s, 'open'))
      }
      if (s.tls && !secured.has(s.id)) {
        secured.add(s.id)
        print(tlsLine(s))
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
    if (opts.pcapng !== undefined) {
      print(
        await writeSessionsPcapng(inspector, opts.pcapng).catch((err: unknown) => pcapngFailed(err))
      )
    }
    await inspector.close()
    off()
  }
}

function pcapngFailed(err: unknown): string {
  return `error: the pcapng file could not be written: ${err instanceof Error ? err.message : String(err)}`
}
