// Lays a session's calls out as a sequence diagram: one lifeline per socket (the session, its
// peer, the listening socket), every step on one time axis in the order it happened, and
// the arrows between the two ends (connect → accept, write → read, shutdown → read of EOF).
import type { CallLane, CallStep } from '../../../../shared/model'

export interface PlacedStep {
  readonly lane: number
  readonly row: number
  readonly step: CallStep
  readonly text: string
}

export interface SequenceArrow {
  readonly from: { readonly lane: number; readonly row: number }
  readonly to: { readonly lane: number; readonly row: number }
  readonly label: string
}

export interface SequenceLayout {
  readonly steps: readonly PlacedStep[]
  readonly arrows: readonly SequenceArrow[]
  readonly start: number
}

/** The words of a step that are not code: given in the UI's language. */
export interface StepWords {
  readonly eof: string
  readonly kernel: (state: string) => string
}

export const ENGLISH_STEP_WORDS: StepWords = {
  eof: 'read → 0 (peer sent FIN)',
  kernel: (state) => `kernel: ${state}`
}

/** What a step says, as a call a programmer would write. */
export function stepText(s: CallStep, words: StepWords = ENGLISH_STEP_WORDS): string {
  const fd = s.fd === null ? '' : `fd ${s.fd}`
  const runs = s.count > 1 ? ` ×${s.count}` : ''
  switch (s.kind) {
    case 'socket':
      return 'socket()'
    case 'bind':
      return `bind(${s.detail ?? ''})`
    case 'listen':
      return `listen(${[fd, s.detail].filter(Boolean).join(', ')})`
    case 'accept':
      return `accept() → ${fd || 'new fd'}`
    case 'connect':
      return `connect(${s.detail ?? ''})${fd ? ` → ${fd}` : ''}`
    case 'read':
      return `read${runs} → ${s.bytes ?? 0} B`
    case 'write':
      return `write${runs}(${s.bytes ?? 0} B)`
    case 'eof':
      return words.eof
    case 'shutdown':
      return 'shutdown(SHUT_WR) → FIN'
    case 'close':
      return `close()${s.detail && s.detail !== 'end' ? ` · ${s.detail}` : ''}`
    case 'state':
      return words.kernel(s.detail ?? '')
  }
}

interface Node {
  readonly lane: number
  readonly index: number
  readonly step: CallStep
}

/**
 * Which call on one socket caused which on the other: connect → accept, the k-th shutdown
 * → the k-th read of EOF, and each write → the read that got its first byte (bytes are
 * matched by their running count, since a write's callback can fire after the peer read it).
 */
function causes(lanes: readonly Node[][]): [Node, Node][] {
  const pairs: [Node, Node][] = []
  // The listening socket makes no reads or writes; the session sockets talk.
  const sessions = lanes.filter((l) => !l.some((n) => n.step.kind === 'listen'))
  for (const from of sessions) {
    for (const to of sessions) {
      if (from === to) continue
      const kth = (lane: Node[], kind: string): Node[] => lane.filter((n) => n.step.kind === kind)
      const connect = kth(from, 'connect')[0]
      const accept = kth(to, 'accept')[0]
      if (connect && accept) pairs.push([connect, accept])
      kth(from, 'shutdown').forEach((n, k) => {
        const eof = kth(to, 'eof')[k]
        if (eof) pairs.push([n, eof])
      })
      const reads = byteRanges(kth(to, 'read'))
      for (const w of byteRanges(kth(from, 'write'))) {
        const r = reads.find((r) => r.end > w.start)
        if (r) pairs.push([w.node, r.node])
      }
    }
  }
  return pairs
}

function byteRanges(nodes: Node[]): { node: Node; start: number; end: number }[] {
  let at = 0
  return nodes.map((node) => {
    const start = at
    at += node.step.bytes ?? 0
    return { node, start, end: at }
  })
}

/** Steps in an order that keeps each socket's own order and puts every cause before its effect. */
function causalOrder(lanes: readonly Node[][], pairs: readonly [Node, Node][]): Node[] {
  const waiting = new Map<Node, number>()
  const next = new Map<Node, Node[]>()
  const link = (a: Node, b: Node): void => {
    next.set(a, [...(next.get(a) ?? []), b])
    waiting.set(b, (waiting.get(b) ?? 0) + 1)
  }
  for (const lane of lanes) lane.forEach((n, i) => i > 0 && link(lane[i - 1]!, n))
  for (const [a, b] of pairs) link(a, b)
  const ready = lanes.flat().filter((n) => !waiting.get(n))
  const out: Node[] = []
  while (ready.length > 0) {
    // Among the steps free to go next, the earliest (then the leftmost lane).
    ready.sort((a, b) => a.step.at - b.step.at || a.lane - b.lane)
    const n = ready.shift()!
    out.push(n)
    for (const m of next.get(n) ?? []) {
      const left = waiting.get(m)! - 1
      waiting.set(m, left)
      if (left === 0) ready.push(m)
    }
  }
  return out
}

const ARROW_LABEL: Readonly<Partial<Record<CallStep['kind'], string>>> = {
  connect: 'SYN',
  shutdown: 'FIN'
}

export function layoutSequence(
  lanes: readonly CallLane[],
  words: StepWords = ENGLISH_STEP_WORDS
): SequenceLayout {
  const nodes = lanes.map((lane, l) => lane.steps.map((step, index) => ({ lane: l, index, step })))
  const pairs = causes(nodes)
  const ordered = causalOrder(nodes, pairs)
  const row = new Map(ordered.map((n, i) => [n, i]))
  const steps = ordered.map((n, i) => ({
    lane: n.lane,
    row: i,
    step: n.step,
    text: stepText(n.step, words)
  }))
  const arrows = pairs.map(([a, b]) => ({
    from: { lane: a.lane, row: row.get(a)! },
    to: { lane: b.lane, row: row.get(b)! },
    label: ARROW_LABEL[a.step.kind] ?? `${a.step.bytes ?? 0} B`
  }))
  const start = Math.min(...ordered.map((n) => n.step.at))
  return { steps, arrows, start: Number.isFinite(start) ? start : 0 }
}
