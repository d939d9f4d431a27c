// The replay source feeds the renderer's own TableStore: after each seek the store holds the
// recording's table at that time (forward and back), the live core has no table listener
// (so it does not poll), and commands that act on the live machine are refused in words.
import { afterEach, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { ReplaySource } from '../../src/renderer/src/replay/replay-source'
import { TableStore } from '../../src/renderer/src/store/table-store'
import type { ParsedRecording } from '../../src/shared/recording'
import { row } from '../support/table-row'
import { waitFor } from '../support/net'
import { apiOf } from '../support/inspector-api'

let inspector: Inspector
afterEach(() => inspector?.close())

const listener = row({ id: 'a', localPort: 3000 })
const conn = row({
  id: 'b',
  localPort: 40000,
  remoteAddress: '127.0.0.1',
  remotePort: 3000,
  state: 'ESTABLISHED'
})
const status = {
  source: 'netlink',
  health: 'ok',
  blind: [],
  rows: 1,
  pollMs: 5,
  rateHz: 1,
  polling: true,
  seq: 1
} as const

const recording: ParsedRecording = {
  header: {
    type: 'header',
    format: 'socket-inspector-recording',
    version: 1,
    startedAt: 1000,
    hostname: 'h',
    platform: 'linux',
    app: 't',
    rateHz: 1
  },
  truncated: false,
  skipped: 0,
  records: [
    {
      type: 'keyframe',
      t: 1000,
      table: { seq: 1, at: 1000, source: 'netlink', rows: [listener] },
      sessions: [],
      listeners: [],
      status
    },
    { type: 'diff', t: 2000, diff: { seq: 2, at: 2000, added: [conn], changed: [], removed: [] } },
    { type: 'diff', t: 3000, diff: { seq: 3, at: 3000, added: [], changed: [], removed: ['a'] } }
  ]
}

describe('ReplaySource', () => {
  it('feeds the table store the recording at each seeked time, forward and back', async () => {
    inspector = new Inspector({ shell: 'test' })
    const replay = new ReplaySource('test.sirec.gz', recording, apiOf(inspector))
    const store = new TableStore(
      replay.api,
      (fn) => fn(),
      () => replay.at
    )
    const stop = store.start()
    const ids = (): string[] =>
      store
        .getState()
        .rows.map((r) => r.id)
        .sort()
    await waitFor(() => store.getState().loaded)
    expect(ids()).toEqual(['a'])
    expect(inspector.listenerCount('table:diff')).toBe(0)
    for (const [t, want] of [
      [2000, ['a', 'b']],
      [3000, ['b']],
      [1500, ['a']],
      [2500, ['a', 'b']]
    ] as const) {
      replay.seek(t)
      await waitFor(() => JSON.stringify(ids()) === JSON.stringify(want), `rows at ${t}`)
      // The views' clock is the time asked for: ages and life cycles as of that moment.
      expect(store.clock()).toBe(t)
    }
    expect(store.getState().status?.polling).toBe(false)
    await expect(replay.api['echo:start']({ protocol: 'tcp', port: 0 })).rejects.toThrow(
      /A recording \(test\.sirec\.gz\) is open/
    )
    stop()
  })
})
