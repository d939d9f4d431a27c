// A real EADDRINUSE, through the contract as the renderer receives it, carries its message
// id and the values it names (the holder, the port); the renderer's ErrorNote, with the
// Korean resources, says it in Korean and still names the holder and the port.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/dispatch'
import { Inspector } from '../../src/main/inspector'
import { CommandError } from '../../src/renderer/src/api/command-error'
import { toApi } from '../../src/renderer/src/api/to-api'
import { ErrorNote } from '../../src/renderer/src/components/error-note'
import { COMMAND_NAMES } from '../../src/shared/contract'
import type { InspectorBridge } from '../../src/shared/contract'
import { localizeError } from '../../src/shared/error-ids'
import type { InspectorError } from '../../src/shared/model'
import { errorsI18n } from '../support/i18n-errors'
import { startProcess, stopProcess, unusedPort } from '../support/net'

const inspector = new Inspector({ shell: 'test' })
afterAll(() => inspector.close())

/**
 * What a view gets: the core's answer as it crosses the wire (JSON, as over the headless
 * WebSocket), turned into the renderer's CommandError by the renderer's own api adapter.
 */
const api = toApi({
  ...Object.fromEntries(
    COMMAND_NAMES.map((name) => [
      name,
      async (...args: unknown[]) =>
        JSON.parse(JSON.stringify(await dispatch(inspector, name, args))) as unknown
    ])
  ),
  on: () => () => undefined
} as unknown as InspectorBridge)

async function refusal(run: () => Promise<unknown>): Promise<InspectorError> {
  try {
    await run()
  } catch (err) {
    expect(err).toBeInstanceOf(CommandError)
    return err as CommandError
  }
  throw new Error('the command unexpectedly succeeded')
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
      const error = await refusal(() => api['echo:start']({ protocol: 'tcp', port }))
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
