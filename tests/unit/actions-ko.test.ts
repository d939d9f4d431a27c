// Close and stop, said in Korean: the real core functions' results and refusals go through
// the renderer's lookup (the Said beside a result, the error id beside a refusal). English
// shows the core's sentence as sent, and the English words are that sentence exactly.
import { spawn } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { closeSocket } from '../../src/main/actions/close-socket'
import type { CloseDeps } from '../../src/main/actions/close-socket'
import { stopProcess } from '../../src/main/actions/stop-process'
import type { StopDeps } from '../../src/main/actions/stop-process'
import { CLOSE_REQ, foreignClose } from '../support/close-deps'
import { toInspectorError } from '../../src/shared/errors'
import { englishWords, errorIn, i18n, rejection, shownIn } from '../support/said-lookup'

const own: CloseDeps = {
  ...foreignClose('linux'),
  findOwn: () => ({ sessionId: 's-7', closable: true, close: () => undefined })
}
const STOP: StopDeps = {
  platform: process.platform,
  selfPid: process.pid,
  appRootPid: null,
  myUid: process.getuid?.() ?? null,
  userName: () => null
}

/** The English words of an error id are the core's sentence, word for word. */
async function sameEnglish(err: unknown): Promise<void> {
  const e = toInspectorError(err)
  expect(e.id, e.message).toBeDefined()
  await i18n.changeLanguage('en')
  expect(i18n.t(`errors:${e.id}.message`, e.params)).toBe(e.message)
  expect(i18n.t(`errors:${e.id}.hint`, e.params)).toBe(e.hint)
}

describe('close results in Korean', () => {
  afterAll(() => i18n.changeLanguage('en'))

  it('the app’s own socket, closed gracefully and reset', async () => {
    const fin = await closeSocket({ ...CLOSE_REQ, mode: 'graceful' }, own)
    expect(fin.message).toBe(
      'Closing 127.0.0.1:40312 ⇄ 127.0.0.1:5000 (session s-7): FIN sent after what is queued.'
    )
    expect(await shownIn('en', fin.said, fin.message)).toBe(fin.message)
    expect(await englishWords(fin.said)).toBe(fin.message)
    expect(await shownIn('ko', fin.said, fin.message)).toBe(
      '127.0.0.1:40312 ⇄ 127.0.0.1:5000 연결을 닫는 중입니다(세션 s-7). 대기 중인 데이터를 보낸 뒤 FIN을 보냅니다.'
    )
    const rst = await closeSocket({ ...CLOSE_REQ, mode: 'reset' }, own)
    expect(await englishWords(rst.said)).toBe(rst.message)
    expect(await shownIn('ko', rst.said, rst.message)).toMatch(/재설정했습니다\(세션 s-7\)/)
  })

  it('another process’s connection, aborted by the kernel', async () => {
    const r = await closeSocket({ ...CLOSE_REQ, mode: 'reset' }, foreignClose('linux'))
    expect(await englishWords(r.said)).toBe(r.message)
    expect(await shownIn('ko', r.said, r.message)).toMatch(
      /^127\.0\.0\.1:40312 ⇄ 127\.0\.0\.1:5000 연결을 닫았습니다\. 커널이/
    )
  })

  it('another process’s connection on Windows, deleted by SetTcpEntry', async () => {
    const r = await closeSocket({ ...CLOSE_REQ, mode: 'reset' }, foreignClose('win32'))
    expect(r.how).toBe('tcp-entry')
    expect(await englishWords(r.said)).toBe(r.message)
    expect(await shownIn('ko', r.said, r.message)).toMatch(/Windows가 연결을 지웠습니다/)
  })

  it('every refusal the close path makes reads in Korean, with its hint', async () => {
    const refusals = [
      closeSocket(CLOSE_REQ, foreignClose('darwin')),
      closeSocket(
        {
          ...CLOSE_REQ,
          local: { address: '::1', port: 40312 },
          remote: { address: '::1', port: 5000 }
        },
        foreignClose('win32')
      ),
      ...[5, 317, 1168, 1234].map((code) => closeSocket(CLOSE_REQ, foreignClose('win32', code))),
      closeSocket(CLOSE_REQ, {
        ...foreignClose('win32'),
        deleteTcb: () => Promise.reject(new Error('nope'))
      }),
      closeSocket(CLOSE_REQ, foreignClose('sunos')),
      closeSocket({ ...CLOSE_REQ, protocol: 'udp' }, foreignClose('linux')),
      closeSocket({ ...CLOSE_REQ, remote: { address: '0.0.0.0', port: 0 } }, foreignClose('linux')),
      closeSocket({ ...CLOSE_REQ, mode: 'graceful' }, foreignClose('linux')),
      closeSocket(CLOSE_REQ, {
        ...foreignClose('linux'),
        destroy: () => Promise.reject(new Error('nope'))
      }),
      ...[1, 95, 2, 22].map((errno) => closeSocket(CLOSE_REQ, foreignClose('linux', errno))),
      closeSocket(CLOSE_REQ, {
        ...foreignClose('linux'),
        findOwn: () => ({ sessionId: 's-1', closable: false, close: () => undefined })
      })
    ]
    for (const p of refusals) {
      const err = await rejection(p)
      await sameEnglish(err)
      const ko = await errorIn('ko', err)
      expect(ko.message).not.toBe(toInspectorError(err).message)
      expect(ko.message).toMatch(/[가-힣]/)
      expect(ko.hint).toMatch(/[가-힣]/)
      expect(ko.message).not.toMatch(/{{/)
    }
    const eperm = await errorIn(
      'ko',
      await rejection(closeSocket(CLOSE_REQ, foreignClose('linux', 1)))
    )
    expect(eperm.message).toBe(
      '127.0.0.1:40312 ⇄ 127.0.0.1:5000 연결을 닫을 권한이 없습니다. 다른 프로세스의 연결을 닫으려면 CAP_NET_ADMIN 권한이 필요합니다.'
    )
  })
})

describe('stop results in Korean', () => {
  afterAll(() => i18n.changeLanguage('en'))

  it('a real process stopped with SIGTERM: the sentence says it exited', async () => {
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore'
    })
    const exited = new Promise((r) => child.once('exit', r))
    const r = await stopProcess({ pid: child.pid!, waitMs: 10_000 }, STOP)
    await exited
    expect(r.outcome).toBe('exited')
    expect(r.message).toMatch(new RegExp(`^node \\(pid ${child.pid}\\) exited after SIGTERM`))
    expect(await englishWords(r.said)).toBe(r.message)
    expect(await shownIn('ko', r.said, r.message)).toMatch(
      new RegExp(
        `^node \\(pid ${child.pid}\\)이\\(가\\) SIGTERM을 받고 종료되었습니다\\(\\d+\\.\\d초\\)\\.$`
      )
    )
  })

  it('refusals (pid 1, itself, no such process) read in Korean', async () => {
    const init = await rejection(stopProcess({ pid: 1 }, STOP))
    await sameEnglish(init)
    expect((await errorIn('ko', init)).message).toBe(
      'pid 1은 시스템의 init 프로세스입니다. 중지하면 컴퓨터 전체가 멈춥니다.'
    )
    const self = await rejection(stopProcess({ pid: process.pid }, STOP))
    await sameEnglish(self)
    expect((await errorIn('ko', self)).message).toMatch(/Socket Inspector 자신의 프로세스입니다/)
    // A pid past the kernel's pid_max never names a process.
    const none = await rejection(stopProcess({ pid: 2 ** 22 + 1 }, STOP))
    await sameEnglish(none)
    expect((await errorIn('ko', none)).message).toBe(
      `pid ${2 ** 22 + 1} 프로세스가 없습니다(이미 종료되었을 수 있습니다).`
    )
  })
})
