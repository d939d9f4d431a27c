// A recording as the stores' data source: an InspectorApi whose table, sessions and servers
// are the recording's at the scrubber's time. The existing TableStore and EchoStore replay
// through it unchanged; a seek emits a diff with a gap in seq, so the table store fetches
// the frame as a new snapshot. Commands that act on the live machine are refused, in words.
import { COMMAND_NAMES } from '../../../shared/contract'
import type { CommandName, EventName, InspectorApi } from '../../../shared/contract'
import type { Listener } from '../../../shared/model'
import { EventHub } from '../../../shared/event-hub'
import type { Events } from '../../../shared/contract'
import { RecordingPlayer } from '../../../shared/recording'
import type { ParsedRecording, RecordingFrame } from '../../../shared/recording'
import { ServiceNames } from '../../../shared/service-names'
import { CommandError } from '../api/command-error'
import { i18n } from '../i18n'
import { ReplayHistory } from './replay-history'
import { ReplayTree } from './replay-tree'

/** Commands that still go to the live core while a recording is open. */
const PASS_THROUGH: ReadonlySet<CommandName> = new Set<CommandName>([
  'app:info',
  'settings:get',
  'settings:set',
  'record:start',
  'record:stop',
  'record:status',
  'recording:list',
  'recording:open',
  'recording:startup',
  'recording:take',
  'names:services'
])
/** Events the recording provides; the rest come from the live core. */
const REPLAYED: ReadonlySet<EventName> = new Set<EventName>([
  'table:diff',
  'session:update',
  'session:forgotten',
  'listener:update'
])

export class ReplaySource {
  readonly player: RecordingPlayer
  /** The charts' five minutes before the scrubber's time. */
  readonly history: ReplayHistory
  readonly api: InspectorApi
  private readonly hub = new EventHub<Events>()
  private frame: RecordingFrame
  private seq = 1
  private readonly tree: ReplayTree
  private services: Promise<ServiceNames | undefined> | null = null

  constructor(
    readonly name: string,
    readonly recording: ParsedRecording,
    live: InspectorApi
  ) {
    this.player = new RecordingPlayer(recording.records)
    this.frame = this.player.frameAt(this.player.start)
    this.tree = new ReplayTree(this.player)
    this.history = new ReplayHistory(recording.records)
    const refuse = (): Promise<never> =>
      Promise.reject(
        new CommandError({
          code: 'EREPLAY',
          message: i18n.t('replay:errors.replaying', { name }),
          hint: i18n.t('replay:errors.replayingHint')
        })
      )
    const own: Partial<Record<CommandName, (...a: never[]) => Promise<unknown>>> = {
      'table:snapshot': async () => ({ ...this.frame.table, seq: this.seq }),
      'table:status': async () => ({ ...this.frame.status, seq: this.seq }),
      'echo:list': async () => [...this.frame.listeners],
      'session:list': async () => [...this.frame.sessions],
      'client:list': async () => this.frame.sessions.filter((s) => s.role === 'client'),
      'process:tree': async (filter?: string, expand?: readonly number[]) => {
        const services = await this.serviceNames(live)
        const { rows, at } = this.frame.table
        return this.tree.tree(rows, at, filter ?? '', expand ?? [], services)
      }
    }
    const commands = Object.fromEntries(
      COMMAND_NAMES.map((n) => [
        n,
        own[n] ?? (PASS_THROUGH.has(n) ? (live[n] as (...a: never[]) => Promise<unknown>) : refuse)
      ])
    )
    this.api = {
      ...commands,
      on: (event, fn) => (REPLAYED.has(event) ? this.hub.on(event, fn) : live.on(event, fn))
    } as InspectorApi
  }

  /** The recording's time the views show. */
  get at(): number {
    return this.frame.at
  }

  /** The live core's service names, for `port:ssh` in the Processes view's filter. */
  private serviceNames(live: InspectorApi): Promise<ServiceNames | undefined> {
    this.services ??= live['names:services']().then(
      (a) => new ServiceNames(a.entries),
      () => undefined
    )
    return this.services
  }

  /**
   * Moves to time t: the stores refetch the frame there. Sessions and servers the new
   * frame does not have (opened later than t, after a seek back) are taken away.
   */
  seek(t: number): void {
    const before = this.frame
    this.frame = this.player.frameAt(t)
    const sessions = new Set(this.frame.sessions.map((s) => s.id))
    const gone = before.sessions.filter((s) => !sessions.has(s.id)).map((s) => s.id)
    if (gone.length > 0) this.hub.emit('session:forgotten', { ids: gone, forgotten: 0 })
    const listeners = new Set(this.frame.listeners.map((l) => l.id))
    const removed = before.listeners
      .filter((l) => !listeners.has(l.id))
      .map((l): Listener => ({ ...l, state: 'removed' }))
    // A gap in seq makes the table store fetch a new snapshot (this frame).
    this.seq += 2
    this.hub.emit('table:diff', {
      seq: this.seq,
      at: this.frame.at,
      added: [],
      changed: [],
      removed: []
    })
    this.hub.emit('listener:update', [...removed, ...this.frame.listeners])
    this.hub.emit('session:update', [...this.frame.sessions])
  }
}
