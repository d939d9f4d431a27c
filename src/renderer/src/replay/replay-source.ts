// A recording as the stores' data source: an InspectorApi whose table, sessions and servers
// are the recording's at the scrubber's time. The existing TableStore and EchoStore replay
// through it unchanged; a seek emits a diff with a gap in seq, so the table store fetches
// the frame as a new snapshot. Commands that act on the live machine are refused, in words.
import { COMMAND_NAMES } from '../../../shared/contract'
import type { CommandName, EventName, InspectorApi } from '../../../shared/contract'
import { EventHub } from '../../../shared/event-hub'
import type { Events } from '../../../shared/contract'
import { RecordingPlayer } from '../../../shared/recording'
import type { ParsedRecording, RecordingFrame } from '../../../shared/recording'
import { CommandError } from '../api/command-error'
import { i18n } from '../i18n'

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
  'recording:take'
])
/** Events the recording provides; the rest come from the live core. */
const REPLAYED: ReadonlySet<EventName> = new Set<EventName>([
  'table:diff',
  'session:update',
  'listener:update'
])

export class ReplaySource {
  readonly player: RecordingPlayer
  readonly api: InspectorApi
  private readonly hub = new EventHub<Events>()
  private frame: RecordingFrame
  private seq = 1

  constructor(
    readonly name: string,
    readonly recording: ParsedRecording,
    live: InspectorApi
  ) {
    this.player = new RecordingPlayer(recording.records)
    this.frame = this.player.frameAt(this.player.start)
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
      'client:list': async () => this.frame.sessions.filter((s) => s.role === 'client')
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

  /** Moves to time t: the stores refetch the frame there. */
  seek(t: number): void {
    this.frame = this.player.frameAt(t)
    // A gap in seq makes the table store fetch a new snapshot (this frame).
    this.seq += 2
    this.hub.emit('table:diff', {
      seq: this.seq,
      at: this.frame.at,
      added: [],
      changed: [],
      removed: []
    })
    this.hub.emit('listener:update', [...this.frame.listeners])
    this.hub.emit('session:update', [...this.frame.sessions])
  }
}
