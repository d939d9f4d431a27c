// The TCP connection state machine of RFC 9293 (section 3.3.2, figure 5), laid out once
// for the state diagram: the states, where each is drawn, and every transition with the
// event that causes it. Linux's direct FIN_WAIT1 → TIME_WAIT (a FIN arriving with the ACK
// of ours) is drawn too, since the table sees it often.

export const TCP_STATES = [
  'CLOSED',
  'LISTEN',
  'SYN_SENT',
  'SYN_RECV',
  'ESTABLISHED',
  'FIN_WAIT1',
  'FIN_WAIT2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT'
] as const
export type TcpState = (typeof TCP_STATES)[number]

export interface Transition {
  readonly from: TcpState
  readonly to: TcpState
  /** What makes it happen: the call or segment, and what the socket sends. */
  readonly label: string
  /** Bends a line drawn beside another, or around the figure (pixels of sideways offset). */
  readonly bend?: number
}

export const TRANSITIONS: readonly Transition[] = [
  { from: 'CLOSED', to: 'LISTEN', label: 'listen()', bend: -18 },
  { from: 'LISTEN', to: 'CLOSED', label: 'close()', bend: -18 },
  { from: 'CLOSED', to: 'SYN_SENT', label: 'connect() / SYN' },
  { from: 'SYN_SENT', to: 'CLOSED', label: 'close() or timeout', bend: 40 },
  { from: 'LISTEN', to: 'SYN_RECV', label: 'SYN / SYN+ACK' },
  { from: 'LISTEN', to: 'SYN_SENT', label: 'send() / SYN' },
  { from: 'SYN_RECV', to: 'LISTEN', label: 'RST', bend: 30 },
  { from: 'SYN_SENT', to: 'SYN_RECV', label: 'SYN / ACK' },
  { from: 'SYN_SENT', to: 'ESTABLISHED', label: 'SYN+ACK / ACK' },
  { from: 'SYN_RECV', to: 'ESTABLISHED', label: 'ACK' },
  { from: 'SYN_RECV', to: 'FIN_WAIT1', label: 'close() / FIN' },
  { from: 'ESTABLISHED', to: 'FIN_WAIT1', label: 'close() / FIN' },
  { from: 'ESTABLISHED', to: 'CLOSE_WAIT', label: 'FIN / ACK' },
  { from: 'FIN_WAIT1', to: 'FIN_WAIT2', label: 'ACK' },
  { from: 'FIN_WAIT1', to: 'CLOSING', label: 'FIN / ACK' },
  { from: 'FIN_WAIT1', to: 'TIME_WAIT', label: 'FIN+ACK' },
  { from: 'FIN_WAIT2', to: 'TIME_WAIT', label: 'FIN / ACK' },
  { from: 'CLOSING', to: 'TIME_WAIT', label: 'ACK' },
  { from: 'CLOSE_WAIT', to: 'LAST_ACK', label: 'close() / FIN' },
  { from: 'LAST_ACK', to: 'CLOSED', label: 'ACK', bend: 400 },
  { from: 'TIME_WAIT', to: 'CLOSED', label: '2×MSL', bend: -560 }
]

/** Where each state's box is centred, in the diagram's 640 × 560 space. */
export const POSITIONS: Readonly<Record<TcpState, { readonly x: number; readonly y: number }>> = {
  CLOSED: { x: 320, y: 36 },
  LISTEN: { x: 320, y: 122 },
  SYN_RECV: { x: 140, y: 204 },
  SYN_SENT: { x: 500, y: 204 },
  ESTABLISHED: { x: 320, y: 286 },
  FIN_WAIT1: { x: 140, y: 368 },
  CLOSE_WAIT: { x: 500, y: 368 },
  FIN_WAIT2: { x: 140, y: 450 },
  CLOSING: { x: 320, y: 450 },
  LAST_ACK: { x: 500, y: 450 },
  TIME_WAIT: { x: 320, y: 526 }
}
export const DIAGRAM_SIZE = { width: 640, height: 560 } as const

/** The table's state words (kernel names, and the closing row's end) on the diagram. */
export function tcpState(word: string | null): TcpState | null {
  if (word === null) return null
  const w = word.toUpperCase()
  if (w === 'CLOSE' || w === 'CLOSED') return 'CLOSED'
  if (w === 'NEW_SYN_RECV') return 'SYN_RECV'
  return (TCP_STATES as readonly string[]).includes(w) ? (w as TcpState) : null
}

export function transition(from: TcpState, to: TcpState): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to)
}

/** The fewest transitions from one state to another, or null when none leads there. */
export function shortestPath(from: TcpState, to: TcpState): TcpState[] | null {
  const previous = new Map<TcpState, TcpState | null>([[from, null]])
  const queue: TcpState[] = [from]
  while (queue.length > 0) {
    const at = queue.shift()!
    if (at === to) break
    for (const t of TRANSITIONS) {
      if (t.from !== at || previous.has(t.to)) continue
      previous.set(t.to, at)
      queue.push(t.to)
    }
  }
  if (!previous.has(to)) return null
  const path: TcpState[] = []
  for (let s: TcpState | null = to; s !== null; s = previous.get(s) ?? null) path.unshift(s)
  return path
}
