import type { SessionRecord } from '../echo/sessions'

/** One client socket of the app's, behind its session. */
export interface ClientConnection {
  readonly session: SessionRecord
  /** Queues bytes; they are counted as sent once handed to the kernel. */
  send(bytes: Buffer): void
  /** Graceful: TCP sends FIN after what is queued; UDP just closes. */
  close(): void
  /** Abortive: TCP sends RST and drops what is queued; UDP just closes. */
  reset(): void
}
