// The port view in Korean: the real core's report on a port a real server holds, said
// through the renderer's own lookups (sayPhrase for verdicts, say for notes). English gives
// back the core's sentences word for word.
import { createServer } from 'node:net'
import type { Server } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { portReport } from '../../src/main/actions/port-report'
import { invoke } from '../../src/main/dispatch'
import { blindness } from '../../src/main/conntable/owner-cache'
import { blindOf } from '../../src/main/conntable/source'
import { Inspector } from '../../src/main/inspector'
import { sayPhrase } from '../../src/renderer/src/views/port/verdict-list'
import type { PortReport } from '../../src/shared/actions-model'
import { englishWords, i18n, shownIn } from '../support/said-lookup'

const portT = (lng: 'en' | 'ko'): Parameters<typeof sayPhrase>[0] => i18n.getFixedT(lng, 'port')

describe('the port view in Korean', () => {
  afterAll(() => i18n.changeLanguage('en'))

  it('a port a real server listens on: each verdict reads in Korean, the English as sent', async () => {
    const server: Server = createServer()
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as { port: number }).port
    const inspector = new Inspector({ shell: 'test' })
    try {
      const report: PortReport = await invoke(inspector, 'port:who', { port })
      const first = report.verdicts[0]!
      expect(first.sentence).toMatch(
        new RegExp(`^You cannot bind 127\\.0\\.0\\.1:${port} now, because .* listens on`)
      )
      for (const v of report.verdicts) expect(sayPhrase(portT('en'), v.phrase)).toBe(v.sentence)
      const ko = sayPhrase(portT('ko'), first.phrase)
      expect(ko).toContain(`127.0.0.1:${port}`)
      expect(ko).toMatch(
        new RegExp(`^지금 127\\.0\\.0\\.1:${port}에 바인드할 수 없습니다: .*수신 대기 중입니다\\.$`)
      )
      expect(ko).not.toMatch(/because|listens|{{/)
    } finally {
      await inspector.close()
      server.close()
    }
  })

  it('the notes on what the table cannot see, from the sources’ own words', async () => {
    // What the owner scan says when 3 processes' fds cannot be read (another user's).
    const notes = blindOf(blindness({ owners: new Map(), unreadable: 3, scanned: true }))
    const report = await portReport(
      { port: 0 },
      {
        rows: [],
        details: null,
        env: {
          platform: 'linux',
          lowPortLimit: 1024,
          canBindLowPorts: true,
          defaultV6only: false,
          ephemeral: [32768, 60999],
          blind: true
        },
        blind: [...notes.blind, 'lsof: WARNING: can’t stat() fuse file system'],
        blindSaid: notes.blindSaid ?? {},
        userName: () => null,
        commandLine: async () => null,
        probe: async () => null,
        now: 0
      }
    )
    const [ours, tools] = report.blind
    const said = report.blindSaid?.[ours!]
    expect(ours).toBe(
      "3 processes' fds are unreadable (another user's; run as root to see their owners)"
    )
    expect(await englishWords(said!)).toBe(ours)
    expect(await shownIn('en', said!, ours!)).toBe(ours)
    const ko = await shownIn('ko', said!, ours!)
    expect(ko).toBe(
      '프로세스 3개의 fd를 읽을 수 없습니다(다른 사용자의 프로세스입니다. 소유자를 보려면 root로 실행하세요)'
    )
    expect(i18n.t('port:answer.note', { note: ko })).toBe(`참고: ${ko}`)
    // A tool's own line has no words here: it shows as the tool wrote it.
    expect(report.blindSaid?.[tools!]).toBeUndefined()
  })
})
