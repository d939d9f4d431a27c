// A socket's life drawn on the state diagram: the states the table saw it in, with the time
// spent in each, and the transitions between them — those the table saw from one poll to
// the next, and those it can only infer because a state came and went between two polls.
import type { StateChange } from '../../../../shared/model'
import { shortestPath, tcpState, transition } from './tcp-machine'
import type { TcpState } from './tcp-machine'

export interface PathVisit {
  readonly state: TcpState
  /** Null for a state the socket must have passed through but the table never saw. */
  readonly since: number | null
  readonly ms: number | null
}

export interface PathEdge {
  readonly from: TcpState
  readonly to: TcpState
  /** True when the table did not see this step: a state between two polls. */
  readonly inferred: boolean
}

export interface DiagramPath {
  readonly visits: readonly PathVisit[]
  readonly edges: readonly PathEdge[]
  /** The state the socket is in now; null once it has closed. */
  readonly current: TcpState | null
}

/** `closedAt` is the moment the socket vanished (the row's closingSince), if it has. */
export function diagramPath(
  history: readonly StateChange[],
  closedAt: number | null,
  now: number
): DiagramPath {
  const seen = seenStates(history, closedAt)
  const visits: PathVisit[] = []
  const edges: PathEdge[] = []
  seen.forEach((step, i) => {
    const until = seen[i + 1]?.since ?? (closedAt !== null && i === seen.length - 1 ? null : now)
    const prev = seen[i - 1]
    if (prev) {
      const between = transition(prev.state, step.state)
        ? [prev.state, step.state]
        : shortestPath(prev.state, step.state)
      const inferred = !transition(prev.state, step.state)
      if (between) {
        for (let j = 1; j < between.length; j++) {
          edges.push({ from: between[j - 1]!, to: between[j]!, inferred })
          if (j < between.length - 1) visits.push({ state: between[j]!, since: null, ms: null })
        }
      }
    }
    visits.push({
      state: step.state,
      since: step.since,
      ms: until === null ? null : Math.max(0, until - step.since)
    })
  })
  const last = seen.at(-1)
  return { visits, edges, current: closedAt === null && last ? last.state : null }
}

/** The history's states on the diagram, repeats merged, ending in CLOSED once it vanished. */
function seenStates(
  history: readonly StateChange[],
  closedAt: number | null
): { state: TcpState; since: number }[] {
  const out: { state: TcpState; since: number }[] = []
  for (const h of history) {
    const state = tcpState(h.state)
    if (state === null || out.at(-1)?.state === state) continue
    out.push({ state, since: h.since })
  }
  if (closedAt !== null && out.at(-1)?.state !== 'CLOSED') {
    out.push({ state: 'CLOSED', since: closedAt })
  }
  return out
}

export const SIMPLE_STAGES = ['bound', 'connected', 'closed'] as const
export type SimpleStage = (typeof SIMPLE_STAGES)[number]

/** UDP and Unix sockets live simply: bound, maybe connected, closed. */
export function simpleStage(state: string | null): SimpleStage {
  const s = (state ?? '').toUpperCase()
  if (s === 'ESTABLISHED' || s === 'CONNECTED') return 'connected'
  if (s === 'CLOSE' || s === 'CLOSED') return 'closed'
  return 'bound'
}

/** The stages a UDP or Unix socket was seen in, in order, ending closed once it vanished. */
export function simpleLife(
  history: readonly StateChange[],
  closedAt: number | null
): { readonly stage: SimpleStage; readonly since: number }[] {
  const out: { stage: SimpleStage; since: number }[] = []
  for (const h of history) {
    const stage = simpleStage(h.state)
    if (out.at(-1)?.stage !== stage) out.push({ stage, since: h.since })
  }
  if (closedAt !== null && out.at(-1)?.stage !== 'closed')
    out.push({ stage: 'closed', since: closedAt })
  return out
}
