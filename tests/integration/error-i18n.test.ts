// A real EADDRINUSE, through the contract as the renderer receives it, carries its message
// id and the values it names (the holder, the port); the renderer's ErrorNote, with the
// Korean resources, says it in Korean and still names the holder and the port.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/dispatch'
import { Inspector } from '../../src/main/inspector'
import { ErrorNote } from '../../src/renderer/src/components/error-note'
import { localizeError } from '../../src/shared/error-ids'
import type { InspectorError } from '../../src/shared/model'
import { errorsI18n } from '../support/i18n-errors'
import { startProcess, stopProcess, unusedPort } from '../support/net'

const inspector = new Inspector({ shell: 'test' })
afterAll(() => inspector.close())

/** What the renderer gets: the error as it crosses the wire (JSON over the WebSocket). */
async function wireError(name: string, ...args: unknown[]): Promise<InspectorError> {
  const result = await dispatch(inspector, name, args)
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`)
  return (JSON.parse(JSON.stringify(result)) as { error: InspectorError }).error
}

describe('a port held by another process, in the user language', () => {
  it('carries listen.portInUseBy with the holder and the port, and reads in Korean', async () => {
    if (process.platform !== 'linux') {
      // Only Linux's tables name the holder of a port here (ss/proc); elsewhere it is unnamed.
      console.log('skipped: naming the holder of a port is checked on Linux only')
      return
    }
    const port = await unusedPort()
    const holder = await startProcess(process.execPath, [
      '-e',
      `require('net').createServer().listen(${port}, '127.0.0.1', () => console.log('ready'))`
    ])
    try {
      const error = await wireError('echo:start', { protocol: 'tcp', port })
      const who = `node (pid ${holder.child.pid})`
      expect(error.code).toBe('EADDRINUSE')
      expect(error.message).toBe(`Port ${port} is already in use by ${who}.`)
      expect(error.id).toBe('listen.portInUseBy')
      expect(error.params).toEqual({ port, holder: who })

      const ko = await errorsI18n('ko')
      expect(localizeError(error, ko)).toEqual({
        message: `포트 ${port}번은 이미 ${who}에서 사용 중입니다.`,
        hint: '다른 포트를 고르거나, 그 프로세스를 종료하세요.'
      })
      // The component itself, as the renderer draws it.
      const html = renderToStaticMarkup(
        createElement(I18nextProvider, { i18n: ko }, createElement(ErrorNote, { error }))
      )
      expect(html).toContain(`포트 ${port}번은 이미 ${who}에서 사용 중입니다.`)
      expect(html).not.toContain('already in use')
      expect(html).toContain('EADDRINUSE')

      const en = renderToStaticMarkup(
        createElement(
          I18nextProvider,
          { i18n: await errorsI18n('en') },
          createElement(ErrorNote, { error })
        )
      )
      expect(en).toContain(`Port ${port} is already in use by ${who}.`)
    } finally {
      await stopProcess(holder.child)
    }
  })
})
