// `socket-inspector record --out FILE [--duration S] [--interval MS]`: the table, every diff
// and every session update, written as a recording until the duration ends or Ctrl-C.
import { InvalidArgumentError } from 'commander'
import type { Command } from 'commander'
import { InspectorFailure } from '../../shared/errors'
// The core and the recording code load only when the command runs (see program.ts).
import type { Inspector } from '../inspector'
import type { RecordingSummary } from '../recording/recorder'

export interface RecordCliOptions {
  readonly out: string
  readonly durationS?: number
  readonly intervalMs: number
}

function parseDuration(value: string): number {
  const s = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN
  if (!(s > 0 && s <= 7 * 24 * 3600)) {
    throw new InvalidArgumentError('the duration is in seconds, more than 0 and at most a week.')
  }
  return s
}

function parseRecordInterval(value: string): number {
  const ms = /^\d+$/.test(value) ? Number(value) : NaN
  if (!(ms >= 100 && ms <= 4_000)) {
    throw new InvalidArgumentError('the interval is 100 to 4000 ms (10 to 0.25 polls a second).')
  }
  return ms
}

export function summaryLine(s: RecordingSummary): string {
  const secs = (((s.stoppedAt ?? Date.now()) - s.startedAt) / 1000).toFixed(1)
  const dropped = s.dropped > 0 ? `, ${s.dropped} records dropped (disk too slow)` : ''
  return `recorded   ${s.records} records in ${secs} s, ${s.bytesWritten} bytes to ${s.path}${dropped}`
}

/** Starts recording; returns a function that stops and prints the summary. */
export async function runRecord(
  inspector: Inspector,
  opts: RecordCliOptions,
  print: (line: string) => void
): Promise<() => Promise<void>> {
  await inspector.call('table:configure', [{ rateHz: 1000 / opts.intervalMs }])
  const { Recorder } = await import('../recording/recorder')
  const recorder = new Recorder(inspector, opts.out)
  try {
    await recorder.start()
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO'
    await inspector.close()
    throw new InspectorFailure(
      code,
      code === 'EEXIST'
        ? `${opts.out} already exists.`
        : `Cannot write ${opts.out} (${code === 'ENOENT' ? 'its folder does not exist' : code}).`,
      code === 'EEXIST'
        ? 'Choose a new file name; a recording is never written over.'
        : 'Choose a file in a folder you can write to.'
    )
  }
  print(`recording  to ${opts.out} every ${opts.intervalMs} ms (Ctrl-C stops)`)
  let stopped = false
  return async () => {
    if (stopped) return
    stopped = true
    const summary = await recorder.stop()
    await inspector.close()
    print(summaryLine(summary))
  }
}

/** Registers the command; `onShutdown` is the program's Ctrl-C/SIGTERM hook. */
export function registerRecord(
  program: Command,
  onShutdown: (close: () => Promise<void>) => void
): void {
  program
    .command('record')
    .description('record the connection table and every session update to a file you can replay')
    .requiredOption('--out <file>', 'the recording to write (a new file; .sirec.gz)')
    .option('--duration <seconds>', 'stop after this long (default: until Ctrl-C)', parseDuration)
    .option(
      '--interval <ms>',
      'how often the table is read (100–4000 ms)',
      parseRecordInterval,
      1000
    )
    .action(async (o: { out: string; duration?: number; interval: number }) => {
      const { Inspector } = await import('../inspector')
      const inspector = new Inspector({ shell: 'cli' })
      const opts = { out: o.out, intervalMs: o.interval, durationS: o.duration }
      const stop = await runRecord(inspector, opts, (line) => console.log(line))
      onShutdown(stop)
      // The poller's and the writer's timers do not hold the process open (unref): this
      // does, until the duration ends or Ctrl-C/SIGTERM stops the recording.
      const until = o.duration === undefined ? 2 ** 31 - 1 : o.duration * 1000
      setTimeout(() => void stop().then(() => process.exit(0)), until)
    })
}

/** `serve --open FILE`: refuses, in words, a file that is not a recording before serving. */
export async function checkRecording(file: string): Promise<string> {
  const { parseRecordingBytes, readRecordingFile } = await import('../recording/reader')
  parseRecordingBytes(await readRecordingFile(file))
  return file
}
