// What recording costs at ~20,000 sockets and 1 Hz: 10,000 loopback TCP connections held by
// two helper processes (as bench/table-snapshot.ts), the core polling at 1 Hz with netlink.
// 1. Polling alone for a while: the poll's own CPU.
// 2. Polling while recording for as long: the file's size → bytes per hour.
// 3. The recorder's own work, isolated: every record of that file written again through a
//    new RecordingWriter (JSON + gzip + flushes), timed with process.cpuUsage (zlib's thread
//    included). Its CPU over the poll's CPU in the same span is the ratio the target names.
//   npm run bench:recording [-- --connections 10000 --seconds 70]
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Inspector } from '../src/main/inspector'
import { parseRecordingBytes } from '../src/main/recording/reader'
import { Recorder } from '../src/main/recording/recorder'
import { RecordingWriter } from '../src/main/recording/writer'
import { arg, holdConnections } from './lib/held-connections'

const CONNECTIONS = arg('--connections', 10_000)
/** Long enough to hold a periodic keyframe (RECORDING_KEYFRAME_MS) besides the first. */
const SECONDS = arg('--seconds', 70)

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000
const wait = (s: number): Promise<void> => new Promise((r) => setTimeout(r, s * 1000))

async function polling(inspector: Inspector, withRecorder: string | null): Promise<number> {
  const recorder = withRecorder ? new Recorder(inspector, withRecorder) : null
  const off = inspector.on('table:diff', () => undefined)
  await recorder?.start()
  const cpu0 = process.cpuUsage()
  await wait(SECONDS)
  const cpu = cpuMs(process.cpuUsage(cpu0))
  await recorder?.stop()
  off()
  return cpu
}

async function main(): Promise<void> {
  const held = await holdConnections(CONNECTIONS)
  const dir = mkdtempSync(join(tmpdir(), 'si-bench-rec-'))
  const inspector = new Inspector({ shell: 'cli' })
  try {
    await inspector.call('table:configure', [{ rateHz: 1, source: 'netlink' }])
    const sockets = (await inspector.call('table:snapshot', [])).rows.length
    console.log(
      `${CONNECTIONS} connections held; the table has ${sockets} sockets; ${SECONDS} s per phase`
    )

    const pollCpu = await polling(inspector, null)
    const file = join(dir, 'bench.sirec.gz')
    const bothCpu = await polling(inspector, file)
    const bytes = statSync(file).size
    const parsed = parseRecordingBytes(readFileSync(file))

    // The recorder's work alone: the same records through a fresh writer.
    const again = new RecordingWriter(join(dir, 'again.sirec.gz'))
    await again.opened()
    const cpu0 = process.cpuUsage()
    again.write(parsed.header)
    for (const r of parsed.records) again.write(r)
    await again.close()
    const writeCpu = cpuMs(process.cpuUsage(cpu0))
    const kinds: Record<string, number> = {}
    for (const r of parsed.records) kinds[r.type] = (kinds[r.type] ?? 0) + 1
    const result = {
      sockets,
      seconds: SECONDS,
      pollCpuMs: pollCpu,
      pollAndRecordCpuMs: bothCpu,
      recorderCpuMs: writeCpu,
      recorderShareOfPoll: writeCpu / pollCpu,
      fileBytes: bytes,
      uncompressedBytes: again.bytesIn,
      bytesPerHour: (bytes / SECONDS) * 3600,
      records: kinds
    }
    console.log(
      `poll alone ${pollCpu.toFixed(0)} ms CPU in ${SECONDS} s; poll + recording ${bothCpu.toFixed(0)} ms; ` +
        `the recorder's own work ${writeCpu.toFixed(0)} ms = ${(result.recorderShareOfPoll * 100).toFixed(1)}% of the poll's CPU`
    )
    console.log(
      `file ${bytes} B for ${SECONDS} s (${(again.bytesIn / bytes).toFixed(1)}× compressed) → ${(result.bytesPerHour / 1024 / 1024).toFixed(1)} MiB per hour; records ${JSON.stringify(kinds)}`
    )
    console.log(JSON.stringify(result))
  } finally {
    await inspector.close()
    await held.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
