// What a socket's program did, call by call, for the sequence diagram: socket, bind, listen,
// accept → fd; socket, connect; reads and writes coalesced into runs; the peer's FIN (read
// returns 0), shutdown, close; and the kernel states the table saw meanwhile. Bounded: the
// opening steps are always kept, and past the limit the oldest later steps go, counted.
import type { CallKind, CallStep } from '../../shared/model'

/** Steps kept per socket. */
export const CALL_LOG_MAX_STEPS = 256
/** The first steps (the socket's setup) are never dropped. */
const KEPT_SETUP_STEPS = 8
/**
 * Past the bound this many of the oldest later steps go at once: dropping one per step moved
 * ~250 array slots for every datagram of a UDP echo (reads and writes alternate, so no run
 * coalesces), a fifth of the server's own work in a profile.
 */
export const CALL_LOG_DROP_BATCH = 32

type MutableStep = { -readonly [K in keyof CallStep]: CallStep[K] }

export class CallLog {
  private readonly steps: MutableStep[] = []
  dropped = 0
  private lastKernelState: string | null = null

  /** A single call (setup, shutdown, close) or a kernel state. */
  add(kind: CallKind, fd: number | null, detail: string | null = null, at = Date.now()): void {
    this.push({ kind, at, until: at, count: 1, bytes: null, fd, detail })
  }

  /** A read or write of `bytes`: joins the run in progress if the last step was the same kind. */
  io(kind: 'read' | 'write', bytes: number, fd: number | null, at = Date.now()): void {
    const last = this.steps.at(-1)
    if (last && last.kind === kind) {
      last.until = at
      last.count++
      last.bytes = (last.bytes ?? 0) + bytes
      return
    }
    this.push({ kind, at, until: at, count: 1, bytes, fd, detail: null })
  }

  /** The connect() that started earlier finished now. */
  finish(kind: CallKind, fd: number | null, at = Date.now()): void {
    const step = this.steps.findLast((s) => s.kind === kind)
    if (!step) return
    step.until = at
    step.fd = fd
  }

  /** A state the kernel reported, recorded only when it differs from the last one. */
  kernelState(state: string, at: number): void {
    if (state === this.lastKernelState) return
    this.lastKernelState = state
    this.add('state', null, state, at)
  }

  list(): CallStep[] {
    return this.steps.map((s) => ({ ...s }))
  }

  private push(step: MutableStep): void {
    if (this.steps.length >= CALL_LOG_MAX_STEPS) {
      this.steps.splice(KEPT_SETUP_STEPS, CALL_LOG_DROP_BATCH)
      this.dropped += CALL_LOG_DROP_BATCH
    }
    this.steps.push(step)
  }
}
