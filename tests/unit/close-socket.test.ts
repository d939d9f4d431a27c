// The close path's answers on every OS, behind the one command: what macOS says, what the
// kernel's errnos and Windows' error codes mean, the MIB_TCPROW Windows is handed (built from
// the rows the Windows netstat source parses out of real output), and that the app's own
// sockets go through their handle. SetTcpEntry itself cannot run here: a recorder stands in.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { closeSocket } from '../../src/main/actions/close-socket'
import type { CloseDeps } from '../../src/main/actions/close-socket'
import { MIB_TCP_STATE_DELETE_TCB } from '../../src/main/actions/tcp-entry'
import { parseNetstatWindows } from '../../src/main/conntable/parse-netstat'
import type { CloseRequest } from '../../src/shared/actions-model'
import { CLOSE_REQ, foreignClose } from '../support/close-deps'

describe('closeSocket', () => {
  it('says what macOS and Windows cannot do, and what to do instead', async () => {
    await expect(closeSocket(CLOSE_REQ, foreignClose('darwin'))).rejects.toMatchObject({
      code: 'EUNSUPPORTED',
      message: 'macOS offers no way to close another process’s connection from outside it.',
      hint: expect.stringMatching(/Stop the process/)
    })
    const six: CloseRequest = {
      protocol: 'tcp',
      local: { address: '::1', port: 40312 },
      remote: { address: '::1', port: 5000 }
    }
    await expect(closeSocket(six, foreignClose('win32'))).rejects.toMatchObject({
      code: 'EUNSUPPORTED',
      message: expect.stringMatching(/only IPv4 connections/)
    })
  })

  it('on Windows, hands SetTcpEntry a delete row for each connection netstat lists', async () => {
    const text = readFileSync(resolve(__dirname, '../fixtures/windows-netstat-ano.txt'), 'utf8')
    const connected = parseNetstatWindows(text).filter(
      (r) => r.protocol === 'tcp' && r.family === 'ipv4' && r.state === 'ESTABLISHED'
    )
    expect(connected.length).toBeGreaterThan(0)
    for (const row of connected) {
      const rows: Buffer[] = []
      const req: CloseRequest = {
        protocol: 'tcp',
        local: { address: row.localAddress, port: row.localPort },
        remote: { address: row.remoteAddress!, port: row.remotePort }
      }
      const done = await closeSocket(req, {
        ...foreignClose('win32'),
        deleteTcb: async (r) => (rows.push(r), 0)
      })
      expect(done).toMatchObject({ how: 'tcp-entry', sessionId: null })
      // MIB_TCPROW: dwState, then addresses and ports in network byte order.
      const [r] = rows
      expect(r!.readUInt32LE(0)).toBe(MIB_TCP_STATE_DELETE_TCB)
      expect([...r!.subarray(4, 8)].join('.')).toBe(row.localAddress)
      expect(r!.readUInt16BE(8)).toBe(row.localPort)
      expect([...r!.subarray(12, 16)].join('.')).toBe(row.remoteAddress)
      expect(r!.readUInt16BE(16)).toBe(row.remotePort)
      expect(r!.readUInt16BE(10) + r!.readUInt16BE(18)).toBe(0)
    }
  })

  it('turns Windows’ error codes into sentences', async () => {
    for (const code of [5, 317])
      await expect(closeSocket(CLOSE_REQ, foreignClose('win32', code))).rejects.toMatchObject({
        code: 'EPERM',
        hint: expect.stringMatching(/Run as administrator/)
      })
    await expect(closeSocket(CLOSE_REQ, foreignClose('win32', 1168))).rejects.toMatchObject({
      code: 'ENOENT'
    })
    await expect(closeSocket(CLOSE_REQ, foreignClose('win32', 1234))).rejects.toMatchObject({
      code: 'ECLOSE',
      message: expect.stringMatching(/\(error 1234\)/)
    })
  })

  it('turns the kernel’s errnos into sentences', async () => {
    await expect(closeSocket(CLOSE_REQ, foreignClose('linux', 1))).rejects.toMatchObject({
      code: 'EPERM',
      hint: expect.stringMatching(/root/)
    })
    await expect(closeSocket(CLOSE_REQ, foreignClose('linux', 95))).rejects.toMatchObject({
      code: 'EOPNOTSUPP',
      message: expect.stringMatching(/CONFIG_INET_DIAG_DESTROY/)
    })
    await expect(closeSocket(CLOSE_REQ, foreignClose('linux', 2))).rejects.toMatchObject({
      code: 'ENOENT'
    })
  })

  it('closes the app’s own socket through its handle, gracefully or by reset, on any OS', async () => {
    const modes: string[] = []
    const own: CloseDeps = {
      ...foreignClose('darwin'),
      findOwn: () => ({ sessionId: 's-1', closable: true, close: (m) => modes.push(m) })
    }
    expect(await closeSocket(CLOSE_REQ, own)).toMatchObject({
      how: 'app-graceful',
      sessionId: 's-1'
    })
    expect(await closeSocket({ ...CLOSE_REQ, mode: 'reset' }, own)).toMatchObject({
      how: 'app-reset'
    })
    expect(modes).toEqual(['graceful', 'reset'])
  })

  it('a foreign connection cannot be closed gracefully from outside', async () => {
    await expect(
      closeSocket({ ...CLOSE_REQ, mode: 'graceful' }, foreignClose('linux'))
    ).rejects.toMatchObject({
      code: 'EGRACEFUL'
    })
  })
})
