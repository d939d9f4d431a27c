import type { SessionRecord } from '../echo/sessions'

/** One client socket of the app's, behind its session. */
export interface ClientConnection {
  readonly session: SessionRecord
  /**
   * Queues bytes; they are counted as sent once handed to the kernel, and `done` is then
   * called (also when the write fails or the socket closes first), so the caller can
   * keep its queue bounded.
   */
  send(bytes: Buffer, done?: () => void): void
  /** Graceful: TCP sends FIN after what is queued; UDP just closes. */
  close(): void
  /** Abortive: TCP sends RST and drops what is queued; UDP just closes. */
  reset(): void
}
