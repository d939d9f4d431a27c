// The close path's answers on every OS, behind the one command: what macOS and Windows say,
// what the kernel's errnos mean, and that the app's own sockets go through their handle.
import { describe, expect, it } from 'vitest'
import { closeSocket } from '../../src/main/actions/close-socket'
import type { CloseDeps } from '../../src/main/actions/close-socket'
import type { CloseRequest } from '../../src/shared/actions-model'

const REQ: CloseRequest = {
  protocol: 'tcp',
  local: { address: '127.0.0.1', port: 40312 },
  remote: { address: '127.0.0.1', port: 5000 }
}
const deps = (platform: string, errno = 0): CloseDeps => ({
  platform,
  findOwn: () => null,
  destroy: async () => errno
})

describe('closeSocket', () => {
  it('says what macOS and Windows cannot do, and what to do instead', async () => {
    await expect(closeSocket(REQ, deps('darwin'))).rejects.toMatchObject({
      code: 'EUNSUPPORTED',
      message: 'macOS offers no way to close another process’s connection from outside it.',
      hint: expect.stringMatching(/Stop the process/)
    })
    await expect(closeSocket(REQ, deps('win32'))).rejects.toMatchObject({
      code: 'EUNSUPPORTED',
      hint: expect.stringMatching(/SetTcpEntry as Administrator/)
    })
  })

  it('turns the kernel’s errnos into sentences', async () => {
    await expect(closeSocket(REQ, deps('linux', 1))).rejects.toMatchObject({
      code: 'EPERM',
      hint: expect.stringMatching(/root/)
    })
    await expect(closeSocket(REQ, deps('linux', 95))).rejects.toMatchObject({
      code: 'EOPNOTSUPP',
      message: expect.stringMatching(/CONFIG_INET_DIAG_DESTROY/)
    })
    await expect(closeSocket(REQ, deps('linux', 2))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('closes the app’s own socket through its handle, gracefully or by reset, on any OS', async () => {
    const modes: string[] = []
    const own: CloseDeps = {
      ...deps('darwin'),
      findOwn: () => ({ sessionId: 's-1', closable: true, close: (m) => modes.push(m) })
    }
    expect(await closeSocket(REQ, own)).toMatchObject({ how: 'app-graceful', sessionId: 's-1' })
    expect(await closeSocket({ ...REQ, mode: 'reset' }, own)).toMatchObject({ how: 'app-reset' })
    expect(modes).toEqual(['graceful', 'reset'])
  })

  it('a foreign connection cannot be closed gracefully from outside', async () => {
    await expect(closeSocket({ ...REQ, mode: 'graceful' }, deps('linux'))).rejects.toMatchObject({
      code: 'EGRACEFUL'
    })
  })
})
