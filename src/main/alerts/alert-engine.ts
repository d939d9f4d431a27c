// Runs the user's alert rules against every table diff. The first diff it sees is the
// baseline (what already listens is not news); after that each rule fires once per event:
// once per new listener, freed port, new connection, socket stuck in a state (per stay),
// and once per process crossing its count (again only after it fell back to or below it).
import { formatEndpoint } from '../../shared/endpoint'
import { ownerPids } from '../../shared/process-groups'
import { matches } from '../../shared/row-filter'
import type { Alert, AlertKind, ParsedRule } from '../../shared/alert-rules'
import type { TableDiff, TableRow } from '../../shared/model'
import { SAID_IDS as S, worded } from '../../shared/said'
import type { Worded } from '../../shared/said'
import { CLOSED_ID_PREFIX } from '../conntable/closed-history'

export interface ActiveRule {
  readonly id: string
  readonly text: string
  readonly parsed: ParsedRule
}

export type AlertDraft = Omit<Alert, 'seq' | 'at'>

const CONNECTED = new Set(['ESTABLISHED', 'SYN_SENT', 'SYN_RECV'])

// Each piece in English and as words the renderer can say (the alert's `said`).
function where(r: TableRow): Worded {
  if (r.protocol === 'unix') {
    return r.localAddress
      ? worded(S.alertWhere, { at: r.localAddress }, r.localAddress)
      : worded(S.alertUnnamedUnix, undefined, '(unnamed unix socket)')
  }
  const at = `${formatEndpoint({ address: r.localAddress, port: r.localPort })} (${r.protocol})`
  return worded(S.alertWhere, { at }, at)
}

function processOf(name: string | null | undefined, pid: number): Worded {
  const process = name ?? worded(S.alertAProcess, undefined, 'a process')
  const text = typeof process === 'string' ? process : process.text
  return worded(
    S.alertOwner,
    { process: typeof process === 'string' ? process : process.said, pid },
    `${text} (pid ${pid})`
  )
}

function owner(r: TableRow): Worded {
  const o = r.owners[0]
  return o
    ? processOf(o.process, o.pid)
    : worded(S.alertOwnerUnseen, undefined, 'a process this user cannot see')
}

function peer(r: TableRow): string {
  return formatEndpoint({ address: r.remoteAddress ?? '*', port: r.remotePort })
}

function listened(row: TableRow): Worded {
  const [o, w] = [owner(row), where(row)]
  return worded(
    S.alertListen,
    { owner: o.said, where: w.said },
    `${o.text} is listening on ${w.text}`
  )
}

function freed(row: TableRow, prev: TableRow): Worded {
  const [o, w] = [owner(prev), where(row)]
  return worded(
    S.alertFreed,
    { owner: o.said, where: w.said },
    `${w.text} is free: ${o.text} stopped listening`
  )
}

function connected(row: TableRow): Worded {
  const [o, w, p] = [owner(row), where(row), peer(row)]
  return worded(
    S.alertConnect,
    { owner: o.said, where: w.said, peer: p },
    `${o.text}: ${w.text} is connected to ${p}`
  )
}

function stuckFor(row: TableRow, state: string, secs: number): Worded {
  const [o, w] = [owner(row), where(row)]
  return worded(
    S.alertStuck,
    { owner: o.said, where: w.said, state, secs },
    `${o.text}: ${w.text} has been ${state} for ${secs} s`
  )
}

export class AlertEngine {
  private readonly rows = new Map<string, TableRow>()
  private baseline = true
  /** rule id + row id + state entry time: stuck alerts already fired. */
  private readonly stuckFired = new Set<string>()
  /** rule id + pid: processes above their count. */
  private readonly over = new Set<string>()
  /** Live rows by state: a stuck rule looks only at the rows in its state. */
  private readonly byState = new Map<string, Set<string>>()
  /** count rules: rule id → pid → its matching connections, kept from each diff. */
  private counts = new Map<string, Map<number, { n: number; newest: TableRow }>>()

  constructor(
    private rules: readonly ActiveRule[],
    private readonly fire: (draft: AlertDraft) => void
  ) {}

  setRules(rules: readonly ActiveRule[]): void {
    this.rules = rules
    this.stuckFired.clear()
    this.over.clear()
    this.counts = new Map(
      rules.filter((r) => r.parsed.kind === 'count').map((r) => [r.id, new Map()])
    )
    for (const row of this.rows.values()) this.tally(row, 1)
  }

  /** Adds (1) or takes away (-1) a row from the state index and every count rule. */
  private tally(row: TableRow, sign: 1 | -1): void {
    if (row.closingSince !== null) return
    const state = row.state ?? '?'
    const ids = this.byState.get(state) ?? new Set<string>()
    if (sign === 1) ids.add(row.id)
    else ids.delete(row.id)
    if (ids.size > 0) this.byState.set(state, ids)
    else this.byState.delete(state)
    if (row.remoteAddress === null || this.counts.size === 0) return
    for (const rule of this.rules) {
      const perPid = this.counts.get(rule.id)
      if (!perPid || !matches(row, rule.parsed.terms)) continue
      for (const pid of ownerPids(row.owners)) {
        const c = perPid.get(pid) ?? { n: 0, newest: row }
        c.n += sign
        if (sign === 1 && row.firstSeen >= c.newest.firstSeen) c.newest = row
        if (c.n <= 0) perPid.delete(pid)
        else perPid.set(pid, c)
      }
    }
  }

  /** Applies one diff (in seq order) and fires what it triggers. */
  apply(diff: TableDiff): void {
    const events: Array<[TableRow, TableRow | undefined]> = []
    for (const r of [...diff.added, ...diff.changed]) {
      if (r.id.startsWith(CLOSED_ID_PREFIX)) continue
      const prev = this.rows.get(r.id)
      events.push([r, prev])
      if (prev) this.tally(prev, -1)
      this.tally(r, 1)
      this.rows.set(r.id, r)
    }
    for (const id of diff.removed) {
      const prev = this.rows.get(id)
      if (prev) this.tally(prev, -1)
      this.rows.delete(id)
    }
    if (this.baseline) {
      this.baseline = false
      return
    }
    for (const rule of this.rules) {
      const { kind } = rule.parsed
      if (kind === 'stuck') this.stuck(rule, diff.at)
      else if (kind === 'count') this.count(rule)
      else for (const [row, prev] of events) this.event(rule, kind, row, prev)
    }
  }

  private event(rule: ActiveRule, kind: AlertKind, row: TableRow, prev?: TableRow): void {
    const live = row.closingSince === null
    const listening = live && row.state === 'LISTEN'
    const wasListening = prev !== undefined && prev.closingSince === null && prev.state === 'LISTEN'
    let message: Worded | null = null
    if (kind === 'listen' && listening && !wasListening) message = listened(row)
    else if (kind === 'freed' && wasListening && !listening) message = freed(row, prev!)
    else if (
      kind === 'connect' &&
      live &&
      prev === undefined &&
      row.remoteAddress !== null &&
      CONNECTED.has(row.state ?? '')
    )
      message = connected(row)
    if (message === null || !matches(row, rule.parsed.terms)) return
    this.emit(rule, kind, message, row)
  }

  private stuck(rule: ActiveRule, at: number): void {
    const { state, threshold, terms } = rule.parsed
    const limitMs = (threshold ?? 0) * 1000
    for (const id of this.byState.get(state ?? '?') ?? []) {
      const row = this.rows.get(id)
      if (!row || row.closingSince !== null || row.state !== state) continue
      const since = row.history.at(-1)?.since ?? row.firstSeen
      if (at - since <= limitMs) continue
      const key = `${rule.id}|${row.id}|${since}`
      if (this.stuckFired.has(key) || !matches(row, terms)) continue
      this.stuckFired.add(key)
      const secs = Math.round((at - since) / 1000)
      this.emit(rule, 'stuck', stuckFor(row, state ?? '?', secs), row)
    }
    // Forget stays that ended (the row left the state or the table).
    for (const key of this.stuckFired) {
      const [ruleId, rowId, since] = key.split('|')
      if (ruleId !== rule.id) continue
      const row = this.rows.get(rowId!)
      if (!row || row.state !== state || String(row.history.at(-1)?.since) !== since)
        this.stuckFired.delete(key)
    }
  }

  private count(rule: ActiveRule): void {
    const limit = rule.parsed.threshold ?? 0
    const perPid = this.counts.get(rule.id) ?? new Map<number, { n: number; newest: TableRow }>()
    for (const key of this.over) {
      const [ruleId, pid] = key.split('|')
      if (ruleId === rule.id && (perPid.get(Number(pid))?.n ?? 0) <= limit) this.over.delete(key)
    }
    for (const [pid, c] of perPid) {
      const key = `${rule.id}|${pid}`
      if (c.n <= limit || this.over.has(key)) continue
      this.over.add(key)
      const who = processOf(c.newest.owners.find((o) => o.pid === pid)?.process, pid)
      const message = worded(
        S.alertCount,
        { who: who.said, n: c.n, limit },
        `${who.text} holds ${c.n} connections, more than ${limit}`
      )
      this.emit(rule, 'count', message, c.newest, pid)
    }
  }

  private emit(
    rule: ActiveRule,
    kind: AlertKind,
    message: Worded,
    row: TableRow,
    pid: number | null = row.owners[0]?.pid ?? null
  ): void {
    const { text, said } = message
    this.fire({
      ruleId: rule.id,
      rule: rule.text,
      kind,
      message: text,
      said,
      rowId: row.id,
      row,
      pid
    })
  }
}
