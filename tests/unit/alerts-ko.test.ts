// Alerts in Korean: the real engine fires on the real table's diffs (a real server starts
// and stops listening, a real client connects) and on diffs shaped like the table's (a stay
// in CLOSE_WAIT, a process over its count); each alert's Said, through the renderer's lookup,
// reads in Korean and gives back the core's English. So do the rule parser's refusals.
import { connect, createServer } from 'node:net'
import type { Server } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { AlertEngine } from '../../src/main/alerts/alert-engine'
import type { AlertDraft } from '../../src/main/alerts/alert-engine'
import { parseRule } from '../../src/shared/alert-rules'
import { alertsOnTable } from '../support/alert-table'
import { englishWords, i18n, shownIn } from '../support/said-lookup'
import { row } from '../support/table-row'

const esc = (s: string): string => s.replace(/[.()]/g, '\\$&')

/** The alert in both languages: English as sent and as looked up, and the Korean. */
async function korean(a: { said: AlertDraft['said']; message: string }): Promise<string> {
  expect(await shownIn('en', a.said, a.message)).toBe(a.message)
  expect(await englishWords(a.said)).toBe(a.message)
  const ko = await shownIn('ko', a.said, a.message)
  expect(ko).not.toMatch(/{{|listening|connected|holds|is free/)
  return ko
}

describe('fired alerts in Korean', () => {
  afterAll(() => i18n.changeLanguage('en'))

  it.runIf(process.platform === 'linux')(
    'listen, connect and freed, from the real table watching a real server',
    async () => {
      const { fired, alerts, table } = alertsOnTable()
      const server: Server = createServer()
      await table.poll() // the baseline
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
      const port = (server.address() as { port: number }).port
      alerts.setRules([
        { id: 'l', text: `listen port:${port}`, enabled: true },
        { id: 'c', text: `connect port:${port}`, enabled: true },
        { id: 'f', text: `freed port:${port}`, enabled: true }
      ])
      await table.poll()
      const client = connect(port, '127.0.0.1')
      await new Promise((r) => client.once('connect', r))
      await table.poll()
      client.destroy()
      await new Promise((r) => server.close(r))
      await table.poll()
      const at = `127.0.0.1:${port} (tcp)`
      const who = `(pid ${process.pid})`
      const byKind = new Map(fired.map((a) => [a.kind, a]))
      expect([...byKind.keys()].sort()).toEqual(['connect', 'freed', 'listen'])
      expect(await korean(byKind.get('listen')!)).toMatch(
        new RegExp(`${esc(who)}이\\(가\\) ${esc(at)}에서 수신 대기를 시작했습니다$`)
      )
      expect(await korean(byKind.get('freed')!)).toMatch(
        new RegExp(
          `^${esc(at)}이\\(가\\) 비었습니다\\. .*${esc(who)}이\\(가\\) 수신 대기를 멈췄습니다$`
        )
      )
      expect(await korean(byKind.get('connect')!)).toMatch(/에 연결되었습니다$/)
    }
  )

  it('stuck and count, from diffs shaped like the table’s', async () => {
    const fired: AlertDraft[] = []
    const engine = new AlertEngine([], (d) => fired.push(d))
    const rules = ['stuck close-wait 30', 'count 1']
    engine.setRules(
      rules.map((text, i) => {
        const p = parseRule(text)
        if (!p.ok) throw new Error(p.message)
        return { id: `r${i}`, text, parsed: p.rule }
      })
    )
    const conn = (id: string, port: number, state = 'ESTABLISHED'): ReturnType<typeof row> =>
      row({
        id,
        state,
        localPort: port,
        remoteAddress: '127.0.0.1',
        remotePort: 5432,
        history: [{ state, since: 0 }]
      })
    engine.apply({ seq: 1, at: 0, added: [], changed: [], removed: [] })
    engine.apply({
      seq: 2,
      at: 45_000,
      added: [conn('a', 40001, 'CLOSE_WAIT'), conn('b', 40002)],
      changed: [],
      removed: []
    })
    const stuck = fired.find((a) => a.kind === 'stuck')!
    expect(stuck.message).toBe(
      'nginx (pid 812): 127.0.0.1:40001 (tcp) has been CLOSE_WAIT for 45 s'
    )
    expect(await korean(stuck)).toBe(
      'nginx(pid 812): 127.0.0.1:40001 (tcp)이(가) 45초째 CLOSE_WAIT 상태입니다'
    )
    const count = fired.find((a) => a.kind === 'count')!
    expect(count.message).toBe('nginx (pid 812) holds 2 connections, more than 1')
    expect(await korean(count)).toBe('nginx(pid 812)이(가) 연결 2개를 쓰고 있습니다(기준 1개 초과)')
  })
})

describe('the rule parser’s refusals in Korean', () => {
  afterAll(() => i18n.changeLanguage('en'))

  it('each refusal and its hint, from the real parser', async () => {
    const bad = ['', 'listn port:80', 'stuck close-wait', 'count lots', 'listen '.repeat(60)]
    const ko: string[] = []
    for (const text of bad) {
      const p = parseRule(text)
      if (p.ok) throw new Error(`${text} parsed`)
      expect(await englishWords(p.said)).toBe(p.message)
      expect(await englishWords(p.hintSaid)).toBe(p.hint)
      ko.push(await shownIn('ko', p.said, p.message))
      expect(await shownIn('ko', p.hintSaid, p.hint)).toMatch(/필터를 쓰세요/)
    }
    expect(ko).toEqual([
      '규칙이 비어 있습니다.',
      '"listn"은(는) 알림 종류가 아닙니다.',
      '"stuck" 뒤에는 상태와 초를 써야 합니다. 예: "stuck close-wait 30".',
      '"count" 뒤에는 연결이 몇 개를 넘으면 너무 많은지 써야 합니다. 예: "count 100".',
      '규칙이 420자입니다. 최대 300자까지 쓸 수 있습니다.'
    ])
  })
})
