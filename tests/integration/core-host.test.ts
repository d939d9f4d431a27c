// The core host as a real process: forked under plain Node (child_process.fork), driven
// through the one wire protocol over the IPC channel by the same client the pages use, kept
// alive by the same supervisor Electron main uses. Commands and events go through it; a
// kill -9 is followed by a restart and a resync; main's File → Open reaches the page as an
// offer; quitting closes every socket it owned.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CoreSupervisor } from '../../src/main/core-supervisor'
import { toApi } from '../../src/renderer/src/api/to-api'
import type { InspectorApi, WireResult } from '../../src/shared/contract'
import type { RecordingOffer } from '../../src/shared/export-schema'
import { LinkSignals } from '../../src/shared/link-signals'
import type { Listener, Session, TableDiff } from '../../src/shared/model'
import { createWireClient } from '../../src/shared/wire-client'
import { waitFor } from '../support/net'
import { forkNodeHost } from '../support/node-core-host'
import type { NodeHost } from '../support/node-core-host'

const LOST: WireResult<never> = {
  ok: false,
  error: { code: 'ECORELOST', message: 'The core stopped before it answered.' }
}

let host: NodeHost | null = null
const exits: Array<number | null> = []
const signals = new LinkSignals('connecting')
const client = createWireClient((text) => host?.sendText(text) ?? false, {
  lostWith: LOST,
  hello: (core) => signals.identified(core)
})
const api: InspectorApi = toApi(client.bridge)
const supervisor = new CoreSupervisor(
  () => {
    const h = forkNodeHost()
    h.onText((text) => client.receive(text))
    return h
  },
  {
    ready: (ready) => {
      host = ready as NodeHost
      client.opened()
      signals.setStatus('open')
    },
    lost: (code) => {
      host = null
      exits.push(code)
      client.lost()
      signals.setStatus('reconnecting')
    }
  }
)

/**
 * A process start (tsx compiling the core) and a poll of the OS table can take many seconds
 * on a loaded machine with tens of thousands of sockets: wait for them longer, still bounded.
 */
const SLOW_WAIT_MS = 120_000
const waitSlow = (condition: () => boolean, what: string): Promise<void> =>
  waitFor(condition, what, SLOW_WAIT_MS)
const SLOW_TEST_MS = 300_000

const sessions = new Map<string, Session>()
const listeners = new Map<string, Listener>()
const diffs: TableDiff[] = []

beforeAll(async () => {
  api.on('session:update', (list) => list.forEach((s) => sessions.set(s.id, s)))
  api.on('listener:update', (list) => list.forEach((l) => listeners.set(l.id, l)))
  supervisor.start()
  await waitSlow(() => signals.status() === 'open', 'the core host starting')
}, SLOW_TEST_MS)

afterAll(async () => {
  await supervisor.stop()
}, SLOW_TEST_MS)

/** Resolves with the error code a TCP connect to this port ends in ('connected' if none). */
function connectOutcome(port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1')
    s.on('connect', () => {
      s.destroy()
      resolve('connected')
    })
    s.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'))
  })
}

describe('the core host under plain Node', () => {
  it(
    'runs every command and streams events through the forked process',
    async () => {
      const info = await api['app:info']()
      expect(info.pid).toBe(host?.pid)
      expect(info.pid).not.toBe(process.pid)
      expect(info.shell).toBe('test')

      const server = await api['echo:start']({ protocol: 'tcp', port: 0 })
      expect(await connectOutcome(server.port!)).toBe('connected')
      await waitSlow(() => listeners.get(server.id)?.state === 'listening', 'listener:update')
      const a = await api['client:connect']({ protocol: 'tcp', port: server.port! })
      const receipt = await api['client:send'](a.id, { data: 'ping\\n', encoding: 'text' })
      expect(receipt.sessionId).toBe(a.id)
      await waitSlow(() => (sessions.get(a.id)?.bytesIn ?? 0) === 5, 'the echo coming back')

      expect((await api['client:list']()).map((s) => s.id)).toContain(a.id)
      expect((await api['session:list']()).length).toBeGreaterThanOrEqual(2)
      expect((await api['echo:list']()).map((l) => l.id)).toEqual([server.id])
      const page = await api['session:traffic'](a.id)
      expect(Buffer.concat(page.chunks.map((c) => Buffer.from(c.data, 'base64'))).toString()).toBe(
        'ping\nping\n'
      )
      expect(await api['session:export'](a.id, 'text')).toContain('ping')
      expect(await api['session:kernel'](a.id)).not.toBeUndefined()

      // The table polls only while someone listens; stop listening once seen, as the page does.
      const offDiffs = api.on('table:diff', (d) => diffs.push(d))
      expect((await api['table:configure']({ rateHz: 4 })).rateHz).toBe(4)
      expect((await api['table:status']()).rateHz).toBe(4)
      await waitSlow(() => diffs.length > 0, 'a table:diff')
      offDiffs()
      // Not polling any more, so each of these reads the table afresh.
      const holders = await api['table:holders'](server.port!, 'tcp')
      expect(holders.some((h) => h.state === 'LISTEN')).toBe(true)
      const snapshot = await api['table:snapshot']()
      expect(snapshot.rows.some((r) => r.localPort === server.port && r.state === 'LISTEN')).toBe(
        true
      )

      const b = await api['client:connect']({ protocol: 'tcp', port: server.port! })
      expect((await api['client:reset'](b.id)).id).toBe(b.id)
      expect((await api['client:close'](a.id)).id).toBe(a.id)
      expect((await api['echo:stop'](server.id)).state).toBe('stopped')
      await expect(
        (api['app:info'] as unknown as (...a: unknown[]) => Promise<unknown>)('extra')
      ).rejects.toMatchObject({ code: 'EINVAL' })
    },
    SLOW_TEST_MS
  )

  it(
    'is restarted after kill -9; the page resyncs with the new core, the old sockets are gone',
    async () => {
      const server = await api['echo:start']({ protocol: 'tcp', port: 0 })
      const before = await api['app:info']()
      expect(await connectOutcome(server.port!)).toBe('connected')

      process.kill(before.pid, 'SIGKILL')
      await waitSlow(() => signals.coreRestarts() === 1, 'the core coming back')
      expect(exits).toEqual([null])
      await waitSlow(() => signals.status() === 'open', 'the link open again')

      const after = await api['app:info']()
      expect(after.pid).not.toBe(before.pid)
      expect(await api['echo:list']()).toEqual([])
      expect(await api['session:list']()).toEqual([])
      // The kernel closed the dead core's listening socket.
      expect(await connectOutcome(server.port!)).toBe('ECONNREFUSED')

      // Subscriptions were taken up again with the new core.
      const again = await api['echo:start']({ protocol: 'tcp', port: 0 })
      await waitSlow(() => listeners.get(again.id)?.port === again.port, 'listener:update again')
    },
    SLOW_TEST_MS
  )

  it(
    "File → Open: main's path is offered to the page, which takes it; a stale offer is refused",
    async () => {
      const offers: RecordingOffer[] = []
      const off = api.on('recording:offered', (o) => offers.push(o))
      await api['record:start']()
      const recorded = await api['record:stop']()
      // What Electron main sends when the user picks a file in File → Open Recording….
      host!.control({ t: 'host:open-recording', path: recorded.path })
      await waitSlow(() => offers.length === 1, 'the recording:offered event')
      expect(offers[0]!.name).toBe(basename(recorded.path))
      const data = await api['recording:take'](offers[0]!.id)
      expect(data.name).toBe(basename(recorded.path))
      expect(Buffer.from(data.gzipBase64, 'base64')).toEqual(readFileSync(recorded.path))

      // The user picks another file (here, not a recording): the older offer is gone.
      const junk = join(mkdtempSync(join(tmpdir(), 'si-offer-')), 'notes.sirec.gz')
      writeFileSync(junk, 'not a recording')
      host!.control({ t: 'host:open-recording', path: junk })
      await waitSlow(() => offers.length === 2, 'the second offer')
      await expect(api['recording:take'](offers[0]!.id)).rejects.toMatchObject({
        id: 'recording.notOffered',
        message: 'That recording is no longer on offer: another one was opened since.'
      })
      await expect(api['recording:take'](offers[1]!.id)).rejects.toThrow(/not a gzip/)
      off()
    },
    SLOW_TEST_MS
  )

  it(
    'closes every socket the core owns when it is asked to quit',
    async () => {
      const server = await api['echo:start']({ protocol: 'tcp', port: 0 })
      const c = await api['client:connect']({ protocol: 'tcp', port: server.port! })
      expect(c.state).toBe('open')
      const child = host!.child
      await supervisor.stop()
      expect(child.exitCode).toBe(0)
      expect(await connectOutcome(server.port!)).toBe('ECONNREFUSED')
    },
    SLOW_TEST_MS
  )
})
