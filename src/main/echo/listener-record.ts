import { formatEndpoint } from '../../shared/endpoint'
import { CallLog } from './call-log'
import type {
  AddressFamily,
  EchoProtocol,
  InspectorError,
  Listener,
  ListenerId,
  ListenerState
} from '../../shared/model'

/** A server's mutable state inside the core; the world sees snapshot()s. */
export class ListenerRecord {
  state: ListenerState = 'listening'
  error: InspectorError | null = null
  host = ''
  port: number | null = null
  path: string | null = null
  family: AddressFamily = 'ipv4'
  fd: number | null = null
  sessionsOpen = 0
  sessionsTotal = 0
  bytesIn = 0
  bytesOut = 0
  readonly startedAt = Date.now()
  /** The listening socket's calls, for the sequence diagram. */
  readonly calls = new CallLog()
  stoppedAt: number | null = null

  constructor(
    readonly id: ListenerId,
    readonly protocol: EchoProtocol,
    readonly backlog: number | null,
    readonly greeting: string | null,
    readonly idleTimeoutMs: number | null
  ) {}

  get address(): string {
    return this.path ?? formatEndpoint({ address: this.host, port: this.port })
  }

  snapshot(): Listener {
    return {
      id: this.id,
      protocol: this.protocol,
      family: this.family,
      host: this.host,
      port: this.port,
      path: this.path,
      fd: this.fd,
      backlog: this.backlog,
      greeting: this.greeting,
      idleTimeoutMs: this.idleTimeoutMs,
      state: this.state,
      error: this.error,
      sessionsOpen: this.sessionsOpen,
      sessionsTotal: this.sessionsTotal,
      bytesIn: this.bytesIn,
      bytesOut: this.bytesOut,
      startedAt: this.startedAt,
      stoppedAt: this.stoppedAt
    }
  }
}
