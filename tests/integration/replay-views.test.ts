// A recording of a real echo scenario replayed through the renderer's own stores, as the
// views read them: the Echo view's store shows only the servers and sessions that existed at
// the scrubber's time (a seek back takes away what opened later), the charts' history is the
// recording's own (states at each poll, bytes a second per session), and the Processes view's
// tree at the last poll is the live core's tree of the same moment (minus what a recording
// does not keep: user, command line, parents), with rates from the bytes moved between polls.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { parseRecordingBytes } from '../../src/main/recording/reader'
import { Recorder } from '../../src/main/recording/recorder'
import { ReplayHistory } from '../../src/renderer/src/replay/replay-history'
import { ReplaySource } from '../../src/renderer/src/replay/replay-source'
import { EchoStore } from '../../src/renderer/src/store/echo-store'
import { STATE_GROUPS, stateGroup } from '../../src/renderer/src/store/state-history'
import type { TableDiff } from '../../src/shared/model'
import type { ProcessNode } from '../../src/shared/process-groups'
import { RecordingPlayer } from '../../src/shared/recording'
import type { TimedRecord } from '../../src/shared/recording'
import { unusedPort, waitFor } from '../support/net'
import { apiOf } from '../support/inspector-api'

const dir = mkdtempSync(join(tmpdir(), 'si-replay-views-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** What a replay can know of a process: everything but who it is. */
const recorded = (n: ProcessNode): Partial<ProcessNode> => ({
  pid: n.pid,
  name: n.name,
  sockets: n.sockets,
  rowIds: [...n.rowIds].sort(),
  byState: n.byState,
  byProtocol: n.byProtocol,
  listening: n.listening,
  bytesIn: n.bytesIn,
  bytesOut: n.bytesOut
})

/** A record moved later by `ms`, its table's sequence numbers by `seq` (still in order). */
function shifted(r: TimedRecord, ms: number, seq: number): TimedRecord {
  if (r.type === 'keyframe')
    return { ...r, t: r.t + ms, table: { ...r.table, seq: r.table.seq + seq } }
  if (r.type === 'diff') return { ...r, t: r.t + ms, diff: { ...r.diff, seq: r.diff.seq + seq } }
  return { ...r, t: r.t + ms }
}

describe('replaying the Echo and Processes views', () => {
  it('shows the sessions and the process tree as they were at each time', async () => {
    const inspector = new Inspector({ shell: 'test' })
    await inspector.call('table:configure', [{ rateHz: 10 }])
    const seen: TableDiff[] = []
    const off = inspector.on('table:diff', (d) => seen.push(d))
    const polls = async (n: number): Promise<void> => {
      const at = seen.length
      await waitFor(() => seen.length >= at + n, `${n} more polls`)
    }
    await polls(1)
    const file = join(dir, 'echo.sirec.gz')
    const recorder = new Recorder(inspector, file)
    await recorder.start()
    try {
      await polls(1)
      // A port no other socket shares: the trees below are filtered by it.
      const server = await inspector.call('echo:start', [
        { protocol: 'tcp', port: await unusedPort() }
      ])
      const client = await inspector.call('client:connect', [
        { protocol: 'tcp', port: server.port! }
      ])
      // The connection is in the table before any byte moves, so a rate can be seen.
      await polls(2)
      const text = 'x'.repeat(4096)
      await inspector.call('client:send', [client.id, { data: text, encoding: 'text' }])
      await waitFor(
        async () =>
          (await inspector.call('session:list', [])).find((s) => s.id === client.id)?.bytesIn ===
          text.length,
        'the echo back'
      )
      await polls(2)
      const filter = `port:${server.port}`
      const live = await inspector.call('process:tree', [filter, [process.pid]])
      await recorder.stop()

      const parsed = parseRecordingBytes(readFileSync(file))
      const replay = new ReplaySource('echo.sirec.gz', parsed, apiOf(inspector))
      const { start, end } = replay.player
      const echo = new EchoStore(replay.api, (fn) => fn())
      const stop = echo.start()
      const ids = (): string[] => echo.getState().sessions.map((s) => s.id)
      await waitFor(() => echo.getState().loaded, 'the echo store loaded')
      expect(ids()).not.toContain(client.id)

      replay.seek(end)
      expect(ids()).toContain(client.id)
      expect(echo.getState().listeners.map((l) => l.id)).toContain(server.id)
      // Back to before the server started: neither it nor its sessions were there yet.
      replay.seek(start)
      expect(ids()).not.toContain(client.id)
      expect(echo.getState().listeners.map((l) => l.id)).not.toContain(server.id)
      stop()

      // The Overview's and the Echo view's charts: the recording's own five minutes up to then.
      const history = replay.history.at(end)
      const recordedPolls = parsed.records.filter((r) => r.type === 'keyframe' || r.type === 'diff')
      expect(history.states.map((p) => p.t)).toEqual([
        ...new Set(recordedPolls.map((r) => Math.floor(r.t / 1000)))
      ])
      const last = Object.fromEntries(STATE_GROUPS.map((g) => [g, 0]))
      for (const row of replay.player.frameAt(end).table.rows) last[stateGroup(row)]!++
      expect(history.states.at(-1)).toEqual({ t: Math.floor(end / 1000), ...last })
      const moved = history.rates.series(end, client.id)
      expect(moved.reduce((n, p) => n + p.in, 0)).toBe(text.length)
      expect(moved.reduce((n, p) => n + p.out, 0)).toBe(text.length)
      // Scrubbing forward goes on from the last walk: the same as a fresh walk at each time.
      const going = new ReplayHistory(parsed.records)
      for (const t of replay.player.times) {
        const fresh = new ReplayHistory(parsed.records).at(t)
        const on = going.at(t)
        expect(on.states).toEqual(fresh.states)
        expect(on.rates.series(t, client.id)).toEqual(fresh.rates.series(t, client.id))
        expect(on.rates.series(t)).toEqual(fresh.rates.series(t))
      }
      // The same over a longer recording made of this one, copied eight times 70 s apart:
      // eight keyframes, and a five-minute window that moves past the first of them.
      const long = Array.from({ length: 8 }, (_, k) =>
        parsed.records.map((r) => shifted(r, k * 70_000, k * 1_000))
      ).flat()
      const longTimes = new RecordingPlayer(long).times
      const longGoing = new ReplayHistory(long)
      for (const t of longTimes) {
        const fresh = new ReplayHistory(long).at(t)
        expect(longGoing.at(t).states).toEqual(fresh.states)
      }
      expect(longGoing.at(longTimes.at(-1)!).states[0]!.t).toBeGreaterThanOrEqual(
        Math.floor((longTimes.at(-1)! - 300_000) / 1000)
      )
      // Before the server started, nothing had moved yet.
      const early = replay.history.at(start).rates.series(start, client.id)
      expect(early.every((p) => p.in === 0 && p.out === 0)).toBe(true)

      // The tree at the last poll is the live one of that moment, as far as it was recorded.
      replay.seek(end)
      const tree = await replay.api['process:tree'](filter, [process.pid])
      expect(tree.map(recorded)).toEqual(live.map(recorded))
      const mine = tree.find((n) => n.pid === process.pid)!
      expect(mine.listening).toContain(server.port)
      expect(mine.user).toBeNull()
      expect(mine.command).toBeNull()
      // Nothing moved in the last poll; the 4,096 bytes each way moved in one of them.
      expect(mine.inRate).toBe(0)
      const rates: (number | null)[] = []
      for (const t of replay.player.times) {
        replay.seek(t)
        const node = (await replay.api['process:tree'](filter, [])).find(
          (n) => n.pid === process.pid
        )
        rates.push(node?.inRate ?? null)
      }
      expect(rates.some((r) => r !== null && r > 0)).toBe(true)
      // The first poll has none before it: no rate, not zero.
      replay.seek(start)
      expect(
        (await replay.api['process:tree']('', [])).every(
          (n) => n.inRate === null && n.outRate === null
        )
      ).toBe(true)
    } finally {
      off()
      await recorder.stop()
      await inspector.close()
    }
  })
})
