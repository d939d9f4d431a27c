// A stand-in core for the frame benchmark, living in the page: 20,000 table rows with 200
// changed a second, and ten echo sessions updated ten times a second each. The renderer
// cannot tell it from the real contract (it is an InspectorApi); the real core cannot
// produce this load on demand, and running it beside Chromium on two cores would measure
// the core's CPU, not the renderer's frames.
import type { Events, InspectorApi, Unsubscribe } from '../../src/shared/contract'
import type { Listener, Session, TableRow, TableStatus } from '../../src/shared/model'
import { defaultSettings } from '../../src/shared/settings-schema'

export interface FeedOptions {
  readonly rows: number
  readonly changesPerSecond: number
  readonly sessions: number
  readonly sessionUpdatesPerSecond: number
}

/**
 * The feed's tick. Each change goes out as its own event — the chattiest a source can be —
 * so the benchmark shows what applying events once a frame saves over applying each.
 */
const TICK_MS = 20
const STATES = ['ESTABLISHED', 'ESTABLISHED', 'ESTABLISHED', 'TIME_WAIT', 'CLOSE_WAIT'] as const

function makeRow(i: number, at: number): TableRow {
  const unix = i % 20 === 0
  const udp = i % 25 === 1
  const listen = i % 100 === 2
  const state = unix
    ? 'ESTABLISHED'
    : udp
      ? 'UNCONN'
      : listen
        ? 'LISTEN'
        : STATES[i % STATES.length]!
  return {
    id: `row-${i}`,
    protocol: unix ? 'unix' : udp ? 'udp' : 'tcp',
    family: unix ? 'unix' : i % 3 === 0 ? 'ipv6' : 'ipv4',
    unixType: unix ? 'stream' : null,
    localAddress: unix ? `/run/bench/${i}.sock` : i % 3 === 0 ? '::1' : '127.0.0.1',
    localPort: unix ? null : 10_000 + (i % 50_000),
    remoteAddress: unix || listen || udp ? null : '127.0.0.1',
    remotePort: unix || listen || udp ? null : 40_000 + (i % 20_000),
    state,
    sendQueue: 0,
    recvQueue: 0,
    inode: 1_000_000 + i,
    peerInode: null,
    uid: 1000,
    owners: [{ pid: 1000 + (i % 300), process: `proc-${i % 300}`, fd: 3 + (i % 1000) }],
    tcpInfo: unix || udp ? null : { bytesSent: i, bytesAcked: i, bytesReceived: i, rttMs: 0.05 },
    timer: null,
    firstSeen: at - (i % 600) * 1000,
    history: [{ state, since: at - (i % 600) * 1000 }],
    closingSince: null,
    sessionId: null,
    listenerId: null
  }
}

function makeSession(i: number, at: number): Session {
  return {
    id: `s-${i + 1}`,
    role: i % 2 === 0 ? 'accepted' : 'client',
    protocol: 'tcp',
    family: 'ipv4',
    listenerId: i % 2 === 0 ? 'l-1' : null,
    local: { address: '127.0.0.1', port: i % 2 === 0 ? 7007 : 50_000 + i },
    remote: { address: '127.0.0.1', port: i % 2 === 0 ? 50_000 + i : 7007 },
    fd: 20 + i,
    state: 'open',
    bytesIn: 0,
    bytesOut: 0,
    chunksIn: 0,
    chunksOut: 0,
    openedAt: at,
    closedAt: null,
    closeReason: null,
    error: null,
    trafficDroppedBytes: 0,
    kernel: null
  }
}

export function syntheticCore(o: FeedOptions): { api: InspectorApi; stop: () => void } {
  const start = Date.now()
  const rows = Array.from({ length: o.rows }, (_, i) => makeRow(i, start))
  const sessions = Array.from({ length: o.sessions }, (_, i) => makeSession(i, start))
  const listener: Listener = {
    id: 'l-1',
    protocol: 'tcp',
    family: 'ipv4',
    host: '127.0.0.1',
    port: 7007,
    path: null,
    fd: 19,
    backlog: 511,
    greeting: null,
    idleTimeoutMs: null,
    state: 'listening',
    error: null,
    sessionsOpen: Math.ceil(o.sessions / 2),
    sessionsTotal: Math.ceil(o.sessions / 2),
    bytesIn: 0,
    bytesOut: 0,
    startedAt: start,
    stoppedAt: null
  }
  const handlers = new Map<string, Set<(p: never) => void>>()
  // Each event arrives in a task of its own, as each WebSocket or IPC message does: a
  // MessageChannel post is a task, and nothing batches two of them.
  const channel = new MessageChannel()
  const queued: Array<() => void> = []
  channel.port1.onmessage = () => queued.shift()?.()
  const emit = <E extends keyof Events>(event: E, payload: Events[E]): void => {
    queued.push(() => {
      for (const fn of handlers.get(event) ?? []) (fn as (p: Events[E]) => void)(payload)
    })
    channel.port2.postMessage(null)
  }
  let seq = 1
  let cursor = 0
  const perTick = Math.round((o.changesPerSecond * TICK_MS) / 1000)
  const tableTimer = setInterval(() => {
    const at = Date.now()
    for (let k = 0; k < perTick; k++) {
      cursor = (cursor + 7919) % rows.length // a prime stride: changes spread over the table
      const r = rows[cursor]!
      const sent = (r.tcpInfo?.bytesSent ?? 0) + 1460
      const next: TableRow = {
        ...r,
        sendQueue: (r.sendQueue ?? 0) === 0 ? 1460 : 0,
        tcpInfo: r.tcpInfo ? { ...r.tcpInfo, bytesSent: sent, bytesAcked: sent } : null
      }
      rows[cursor] = next
      emit('table:diff', { seq: ++seq, at, added: [], changed: [next], removed: [] })
    }
  }, TICK_MS)
  // Each session is updated sessionUpdatesPerSecond times a second, one session an event.
  const sessionsPerTick = Math.max(
    1,
    Math.round((o.sessions * o.sessionUpdatesPerSecond * TICK_MS) / 1000)
  )
  let turn = 0
  const sessionTimer = setInterval(() => {
    if (o.sessionUpdatesPerSecond <= 0) return
    for (let k = 0; k < sessionsPerTick; k++) {
      const i = turn++ % sessions.length
      const s = sessions[i]!
      sessions[i] = {
        ...s,
        bytesIn: s.bytesIn + 1000,
        bytesOut: s.bytesOut + 1000,
        chunksIn: s.chunksIn + 1,
        chunksOut: s.chunksOut + 1
      }
      emit('session:update', [sessions[i]!])
    }
  }, TICK_MS)
  const status = (): TableStatus => ({
    source: 'netlink',
    health: 'ok',
    blind: [],
    rows: rows.length,
    pollMs: 12,
    rateHz: 10,
    polling: true,
    seq
  })
  const chunk = (
    n: number,
    dir: 'in' | 'out'
  ): { seq: number; at: number; dir: 'in' | 'out'; data: string } => ({
    seq: n,
    at: Date.now(),
    dir,
    data: btoa('x'.repeat(64))
  })
  const commands: Partial<Record<string, (...args: never[]) => unknown>> = {
    'app:info': () => ({
      name: 'socket-inspector',
      version: 'bench',
      shell: 'headless',
      platform: 'linux',
      arch: 'x64',
      osRelease: '',
      hostname: 'bench',
      pid: 1,
      uid: 0,
      versions: { node: '', electron: null, chrome: null, v8: '' },
      sources: [{ id: 'netlink', available: true, detail: 'synthetic' }],
      startedAt: start
    }),
    'table:snapshot': () => ({ seq, at: Date.now(), source: 'netlink', rows: [...rows] }),
    'table:status': status,
    'table:configure': status,
    'echo:list': () => [listener],
    'settings:get': () => defaultSettings(),
    'session:list': () => sessions,
    // Two chunks (one out, one echoed in) per update of the session, as the core logs them.
    'session:traffic': (
      id: string,
      range?: { fromSeq?: number; limit?: number; newest?: boolean }
    ) => {
      const s = sessions.find((x) => x.id === id)
      const end = s ? s.chunksIn + s.chunksOut : 0
      const limit = range?.limit ?? 500
      const from = Math.max(0, range?.newest ? end - limit : (range?.fromSeq ?? 0))
      const to = Math.min(end, from + limit)
      return {
        sessionId: id,
        chunks: Array.from({ length: to - from }, (_, i) =>
          chunk(from + i, (from + i) % 2 ? 'in' : 'out')
        ),
        nextSeq: to,
        firstSeq: 0,
        droppedBytes: 0
      }
    }
  }
  const api = new Proxy({} as InspectorApi, {
    get: (_t, name: string) => {
      if (name === 'on')
        return (event: string, fn: (p: never) => void): Unsubscribe => {
          if (!handlers.has(event)) handlers.set(event, new Set())
          handlers.get(event)!.add(fn)
          return () => handlers.get(event)?.delete(fn)
        }
      const command = commands[name]
      return async (...args: never[]) => {
        if (!command)
          throw { code: 'EBENCH', message: `${name} is not in the benchmark's core`, hint: null }
        return command(...args)
      }
    }
  })
  return {
    api,
    stop: () => {
      channel.port1.close()
      clearInterval(tableTimer)
      clearInterval(sessionTimer)
    }
  }
}
