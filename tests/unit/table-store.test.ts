// The renderer's table store against a real core (no Electron, no browser): frame batching,
// seq order, and a refetch after a gap.
import { afterEach, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { TableStore } from '../../src/renderer/src/store/table-store'
import type { InspectorApi } from '../../src/shared/contract'
import { connect, createServer } from 'node:net'
import type { TableDiff, TableRow } from '../../src/shared/model'
import { waitFor } from '../support/net'
import { apiOf } from '../support/inspector-api'

let inspector: Inspector
afterEach(() => inspector?.close())

/** The real core's commands, but diffs only as the test hands them over. */
function fedByHand(
  api: InspectorApi,
  take: (deliver: (d: TableDiff) => void) => void
): InspectorApi {
  return new Proxy(api, {
    get: (t, name: string) =>
      name === 'on'
        ? (_e: string, fn: (d: TableDiff) => void) => {
            take(fn)
            return () => undefined
          }
        : Reflect.get(t, name)
  })
}

describe('TableStore', () => {
  it('applies any number of diffs in one frame, in seq order', async () => {
    inspector = new Inspector({ shell: 'test' })
    const frames: Array<() => void> = []
    const store = new TableStore(apiOf(inspector), (fn) => frames.push(fn))
    const stop = store.start()
    await waitFor(() => store.getState().loaded)
    let notified = 0
    store.subscribe(() => notified++)
    await inspector.internals.table.poll()
    await inspector.internals.table.poll()
    await inspector.internals.table.poll()
    expect(frames).toHaveLength(1)
    frames.shift()!()
    expect(notified).toBe(1)
    expect(store.getState().seq).toBe(inspector.internals.table.status().seq)
    stop()
  })

  it('fetches a new snapshot when a diff is missing', async () => {
    inspector = new Inspector({ shell: 'test' })
    const frames: Array<() => void> = []
    let deliver: ((d: TableDiff) => void) | null = null
    const api = apiOf(inspector)
    const gapped = fedByHand(api, (fn) => (deliver = fn))
    const store = new TableStore(gapped, (fn) => frames.push(fn))
    store.start()
    await waitFor(() => store.getState().loaded)
    const before = store.getState().seq
    await inspector.internals.table.poll()
    const skipped = await inspector.internals.table.poll()
    deliver!(skipped)
    frames.shift()!()
    await waitFor(() => store.getState().seq >= skipped.seq)
    expect(store.getState().seq).toBeGreaterThan(before + 1)
  })

  it('says which rows changed in place since a version, and when it cannot', async () => {
    inspector = new Inspector({ shell: 'test' })
    let deliver: ((d: TableDiff) => void) | null = null
    const api = apiOf(inspector)
    const fed = fedByHand(api, (fn) => (deliver = fn))
    const store = new TableStore(fed, (fn) => fn()) // apply at once
    store.start()
    await waitFor(() => store.getState().loaded)
    const { rows, seq, version, structure } = store.getState()
    const first = rows[0]!
    deliver!({ seq: seq + 1, at: 0, added: [], changed: [{ ...first, sendQueue: 7 }], removed: [] })
    expect(store.changedSince(version)).toEqual(new Set([first.id]))
    expect(store.getState().structure).toBe(structure)
    expect(store.row(first.id)?.sendQueue).toBe(7)
    for (let i = 2; i < 200; i++)
      deliver!({ seq: seq + i, at: 0, added: [], changed: [], removed: [] })
    expect(store.changedSince(version)).toBeNull()
    deliver!({ seq: seq + 200, at: 0, added: [], changed: [], removed: [first.id] })
    expect(store.getState().structure).toBe(structure + 1)
  })

  it('marks its rows stale when it stops hearing from the core, and live again after a fresh snapshot', async () => {
    inspector = new Inspector({ shell: 'test' })
    const store = new TableStore(apiOf(inspector), (fn) => fn())
    const stop = store.start()
    await waitFor(() => store.getState().loaded)
    expect(store.getState().staleSince).toBeNull()
    stop() // what the app does when the link to the core drops
    expect(store.getState().staleSince).not.toBeNull()
    const again = store.start() // the link is back
    await waitFor(() => store.getState().staleSince === null, 'a fresh snapshot')
    again()
  })

  it.runIf(process.platform === 'linux')(
    'does not paint "new" a socket first seen already in TIME_WAIT',
    async () => {
      inspector = new Inspector({ shell: 'test' })
      let deliver: ((d: TableDiff) => void) | null = null
      const store = new TableStore(
        fedByHand(apiOf(inspector), (fn) => (deliver = fn)),
        (fn) => fn()
      )
      store.start()
      await waitFor(() => store.getState().loaded)
      deliver!(await inspector.internals.table.poll()) // every diff reaches the store
      // A connection made and closed between two polls: the client, closing first, is left
      // in TIME_WAIT, and the table meets it there.
      const server = createServer((s) => s.on('end', () => s.end()))
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
      const port = (server.address() as { port: number }).port
      const client = connect(port, '127.0.0.1')
      await new Promise<void>((r) => client.once('connect', () => r()))
      const clientPort = client.localPort
      await new Promise<void>((r) => client.end(() => client.once('close', () => r())))
      await waitFor(() => client.destroyed)
      const isClient = (r: TableRow): boolean => r.localPort === clientPort && r.remotePort === port
      let diff: TableDiff | undefined
      for (let i = 0; i < 50 && !diff?.added.some(isClient); i++) {
        diff = await inspector.internals.table.poll()
        deliver!(diff)
      }
      const tw = store.getState().rows.find(isClient)!
      expect(store.getState().seq).toBe(diff!.seq) // applied as a diff, not a new snapshot
      expect(tw.state).toBe('TIME_WAIT')
      expect(tw.history.map((h) => h.state)).toEqual(['TIME_WAIT'])
      expect(store.getState().marks.get(tw.id)).toBeUndefined()
      server.close()
    }
  )
})
