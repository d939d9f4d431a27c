// A recording of a real scenario — a client opens, a server listens, the client connects,
// then closes — replays to the same table, row for row, at every recorded time; a file cut
// mid-write still opens and gives back everything flushed before the cut.
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import type { Server, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { constants, createGzip } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { parseRecordingBytes } from '../../src/main/recording/reader'
import { Recorder } from '../../src/main/recording/recorder'
import type { TableDiff, TableRow } from '../../src/shared/model'
import { RecordingPlayer, recordLine } from '../../src/shared/recording'
import type { RecordingRecord } from '../../src/shared/recording'
import { unusedPort, waitFor } from '../support/net'

const dir = mkdtempSync(join(tmpdir(), 'si-rec-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const byId = (rows: readonly TableRow[]): TableRow[] =>
  [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

describe('recording and replay', () => {
  it('replays a scenario to the same table, row for row, at each recorded time', async () => {
    const inspector = new Inspector({ shell: 'test' })
    await inspector.call('table:configure', [{ rateHz: 10 }])
    // The live table as a subscriber of its own sees it, seq by seq.
    const live = new Map<string, TableRow>()
    const bySeq = new Map<number, TableRow[]>()
    const seen: TableDiff[] = []
    const off = inspector.on('table:diff', (d) => {
      for (const r of [...d.added, ...d.changed]) live.set(r.id, r)
      for (const id of d.removed) live.delete(id)
      bySeq.set(d.seq, byId([...live.values()]))
      seen.push(d)
    })
    await waitFor(() => seen.length > 0, 'first poll')
    const file = join(dir, 'scenario.sirec.gz')
    const recorder = new Recorder(inspector, file)
    await recorder.start()
    const port = await unusedPort()
    const has = (p: (r: TableRow) => boolean): boolean => [...live.values()].some(p)
    let server: Server | undefined
    let client: Socket | undefined
    try {
      // open: a client socket whose connect is refused is a socket too; then listen, connect, close.
      server = createServer((s) => s.on('data', () => undefined))
      await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r))
      await waitFor(() => has((r) => r.localPort === port && r.state === 'LISTEN'), 'LISTEN row')
      client = connect(port, '127.0.0.1')
      await new Promise((r) => client!.once('connect', r))
      const clientPort = client.localPort!
      await waitFor(
        () => has((r) => r.localPort === clientPort && r.state === 'ESTABLISHED'),
        'ESTABLISHED row'
      )
      client.end()
      await waitFor(
        () => has((r) => r.localPort === clientPort && r.state !== 'ESTABLISHED'),
        'closing row'
      )
      // One more poll after the close, so the recording holds a frame past it.
      const last = seen.length
      await waitFor(() => seen.length > last, 'a poll after the close')
      const summary = await recorder.stop()
      expect(summary.dropped).toBe(0)

      const parsed = parseRecordingBytes(readFileSync(file))
      expect(parsed.truncated).toBe(false)
      const player = new RecordingPlayer(parsed.records)
      const diffs = parsed.records.filter((r) => r.type === 'diff')
      // Each stage of the scenario was recorded: the listener, the connection, its close.
      const stage = (p: (row: TableRow) => boolean): number =>
        diffs.findIndex((r) => [...r.diff.added, ...r.diff.changed].some(p))
      const listenAt = stage((row) => row.localPort === port && row.state === 'LISTEN')
      const upAt = stage((row) => row.localPort === clientPort && row.state === 'ESTABLISHED')
      const downAt = stage((row) => row.localPort === clientPort && row.state !== 'ESTABLISHED')
      expect(listenAt).toBeGreaterThanOrEqual(0)
      expect(upAt).toBeGreaterThanOrEqual(listenAt)
      expect(downAt).toBeGreaterThan(upAt)
      for (const r of diffs) {
        const frame = player.frameAt(r.t)
        expect(frame.table.seq).toBe(r.diff.seq)
        expect(byId(frame.table.rows)).toEqual(bySeq.get(r.diff.seq))
      }
      // Backwards too: a seek to an earlier time starts again from a keyframe.
      const first = diffs[0]!
      expect(byId(player.frameAt(first.t).table.rows)).toEqual(bySeq.get(first.diff.seq))
      // "What held this port then?" — this process, at the time the connection was up.
      const held = player
        .frameAt(diffs[upAt]!.t)
        .table.rows.find((row) => row.localPort === port && row.state === 'LISTEN')
      expect(held?.owners.map((o) => o.pid)).toContain(process.pid)
    } finally {
      off()
      client?.destroy()
      server?.close()
      await recorder.stop()
      await inspector.close()
    }
  })

  it('a file cut at any byte opens with every record flushed before the cut', async () => {
    const records: RecordingRecord[] = [
      {
        type: 'header',
        format: 'socket-inspector-recording',
        version: 1,
        startedAt: 1,
        hostname: 'h',
        platform: 'linux',
        app: 'test',
        rateHz: 1
      },
      {
        type: 'keyframe',
        t: 1,
        table: { seq: 1, at: 1, source: 'procfs', rows: [] },
        sessions: [],
        listeners: [],
        status: {
          source: 'procfs',
          health: 'ok',
          blind: [],
          rows: 0,
          pollMs: 1,
          rateHz: 1,
          polling: true,
          seq: 1
        }
      },
      ...Array.from({ length: 40 }, (_, i) => ({
        type: 'diff' as const,
        t: i + 2,
        diff: {
          seq: i + 2,
          at: i + 2,
          added: [],
          changed: [],
          removed: [`row-${i}-${'x'.repeat(i * 7)}`]
        }
      }))
    ]
    // Compress as the writer does, noting where each flush ended in the output.
    const gzip = createGzip()
    const out: Buffer[] = []
    gzip.on('data', (c: Buffer) => out.push(c))
    const flushedAt: number[] = []
    for (const r of records) {
      gzip.write(recordLine(r))
      await new Promise<void>((done) => gzip.flush(constants.Z_SYNC_FLUSH, () => done()))
      flushedAt.push(Buffer.concat(out).length)
    }
    const whole = Buffer.concat(out)
    const file = join(dir, 'cut.sirec.gz')
    for (let cut = flushedAt[1]!; cut <= whole.length; cut += 3) {
      writeFileSync(file, whole.subarray(0, cut))
      const parsed = parseRecordingBytes(readFileSync(file))
      const complete = flushedAt.filter((end) => end <= cut).length
      // Every record flushed before the cut is there, in order, and nothing invented.
      expect(parsed.records.length).toBeGreaterThanOrEqual(complete - 1)
      expect(parsed.records).toEqual(records.slice(1, parsed.records.length + 1))
    }
  })

  it('says in words what is wrong with a file that is not a recording', () => {
    expect(() => parseRecordingBytes(Buffer.from('hello'))).toThrow(
      /not a gzip-compressed Socket Inspector recording/
    )
  })
})
