// The desktop notification of a fired alert says what the window says, in the app's
// language: the real engine fires on the real table watching a real server, and main's
// words for the alert (alert-text.ts, run under Node here) match the renderer's.
import { createServer } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { alertText } from '../../src/main/alert-text'
import type { Alert } from '../../src/shared/alert-rules'
import { alertsOnTable } from '../support/alert-table'
import { i18n, shownIn } from '../support/said-lookup'
import { listenAlone } from '../support/net'

describe('alert notifications in the app’s language', () => {
  const server = createServer()
  afterAll(async () => {
    await i18n.changeLanguage('en')
    await new Promise((r) => server.close(r))
  })

  it.runIf(process.platform === 'linux')(
    'a listen alert from the real engine reads as the window shows it, in Korean and English',
    async () => {
      const { fired, alerts, table } = alertsOnTable()
      await table.poll() // the baseline
      const port = await listenAlone(server)
      alerts.setRules([{ id: 'l', text: `listen port:${port}`, enabled: true }])
      await table.poll()
      const [alert] = fired
      expect(alert?.kind).toBe('listen')

      const ko = alertText(alert!.said, alert!.message, 'ko')
      expect(ko).toBe(await shownIn('ko', alert!.said, alert!.message))
      expect(ko).toContain(`127.0.0.1:${port}`)
      expect(ko).not.toMatch(/{{|listening/)
      expect(alertText(alert!.said, alert!.message, 'en')).toBe(alert!.message)
    }
  )

  it('falls back to the core’s English for a sentence it has no words for', () => {
    const said = { id: 'alerts:fired.notYetInvented' } as unknown as Alert['said']
    expect(alertText(said, 'Something new happened', 'ko')).toBe('Something new happened')
    expect(alertText(undefined, 'No said at all', 'ko')).toBe('No said at all')
  })
})
