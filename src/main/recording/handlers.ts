// The recording room: the Record button's recorder (one at a time), the recordings folder,
// the file `serve --open FILE` was started with, and the one the desktop shell offers (File →
// Open). Files are named, never given as paths: the renderer is untrusted and must not make
// the core read or write where it likes; a path comes only from the shell (the user's pick).
import { mkdirSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { RoomHandlers } from '../../shared/contract'
import { ERROR_IDS } from '../../shared/error-ids'
import { InspectorFailure } from '../../shared/errors'
import { RECORDING_EXTENSION } from '../../shared/export-schema'
import type {
  RecordingData,
  RecordingFile,
  RecordingInfo,
  RecordingOffer
} from '../../shared/export-schema'
import type { CoreApi } from '../core-api'
import { parseRecordingBytes, readRecordingFile } from './reader'
import { Recorder } from './recorder'

/** The recordings folder lists at most this many files, newest first. */
export const RECORDINGS_LISTED = 200

export interface RecordingsOptions {
  /** The settings folder; recordings go in its recordings/ (else a temp folder). */
  readonly configDir: string | null
  /** `serve --open FILE`. */
  readonly startupFile?: string
}

function stamp(at: number): string {
  return new Date(at).toISOString().replace(/:/g, '-').replace(/\..*$/, '')
}

export class Recordings {
  readonly dir: string
  private recorder: Recorder | null = null
  private last: RecordingInfo | null = null
  /** The one file on offer: a newer offer replaces it (the user picked another). */
  private offered: (RecordingOffer & { readonly path: string }) | null = null
  private offers = 0

  constructor(
    private readonly core: CoreApi,
    private readonly options: RecordingsOptions
  ) {
    this.dir =
      options.configDir === null
        ? join(tmpdir(), `socket-inspector-recordings-${process.getuid?.() ?? 'user'}`)
        : join(options.configDir, 'recordings')
  }

  handlers(): RoomHandlers<'recording'> {
    return {
      'record:start': () => this.start(),
      'record:stop': () => this.stop(),
      'record:status': async () => this.status(),
      'recording:list': async () => this.list(),
      'recording:open': (name) => this.open(join(this.dir, name), name),
      'recording:startup': async () => {
        const file = this.options.startupFile
        return file === undefined ? null : this.open(file, basename(file))
      },
      'recording:take': (id) => {
        const o = this.offered
        if (o?.id !== id) {
          throw new InspectorFailure(
            'ENOENT',
            'That recording is no longer on offer: another one was opened since.',
            'Open it again (File → Open Recording…).',
            { id: ERROR_IDS.recordingNotOffered }
          )
        }
        return this.open(o.path, o.name)
      }
    }
  }

  /** The shell's File → Open: the file is named in an event, and read when taken. */
  offer(path: string): RecordingOffer {
    this.offered = { id: ++this.offers, name: basename(path), path }
    return { id: this.offered.id, name: this.offered.name }
  }

  async start(): Promise<RecordingInfo> {
    if (this.recorder) {
      throw new InspectorFailure(
        'EBUSY',
        'A recording is already running.',
        'Stop it first (the Record button, or record:stop).'
      )
    }
    mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    const name = `${stamp(Date.now())}${RECORDING_EXTENSION}`
    const recorder = new Recorder(this.core, join(this.dir, name))
    await recorder.start()
    this.recorder = recorder
    return this.status()!
  }

  async stop(): Promise<RecordingInfo> {
    const r = this.recorder
    if (!r) {
      if (this.last) return this.last
      throw new InspectorFailure(
        'ENOTRECORDING',
        'Nothing is being recorded.',
        'Press Record first.'
      )
    }
    this.recorder = null
    await r.stop()
    this.last = info(r)
    return this.last
  }

  status(): RecordingInfo | null {
    return this.recorder ? info(this.recorder) : null
  }

  list(): RecordingFile[] {
    let names: string[]
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith(RECORDING_EXTENSION))
    } catch {
      return []
    }
    return names
      .map((name) => {
        const st = statSync(join(this.dir, name))
        return { name, bytes: st.size, modifiedAt: st.mtimeMs }
      })
      .sort((a, b) => b.modifiedAt - a.modifiedAt)
      .slice(0, RECORDINGS_LISTED)
  }

  /** Checks the file is a recording here, so the renderer gets a clear error, not a bad replay. */
  async open(path: string, name: string): Promise<RecordingData> {
    const bytes = await readRecordingFile(path)
    parseRecordingBytes(bytes)
    return { name, gzipBase64: bytes.toString('base64') }
  }

  async close(): Promise<void> {
    if (this.recorder) await this.stop()
  }
}

function info(r: Recorder): RecordingInfo {
  const s = r.summary()
  return {
    name: basename(s.path),
    path: s.path,
    startedAt: s.startedAt,
    stoppedAt: s.stoppedAt,
    records: s.records,
    bytesWritten: s.bytesWritten,
    dropped: s.dropped
  }
}
