// The built CLI's export commands, run as a user runs them: `record` (also killed mid-write)
// and `echo --pcapng`, whose file Debian's tshark reads back.
import { execFile, spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { parseRecordingBytes } from '../../src/main/recording/reader'
import { roundTrip, waitFor } from '../support/net'

const root = resolve(__dirname, '../..')
const cli = resolve(root, 'out/main/cli.js')
const dir = mkdtempSync(join(tmpdir(), 'si-cli-export-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const run = promisify(execFile)

function start(...args: string[]): {
  child: ChildProcessWithoutNullStreams
  out: () => string
  exit: Promise<number | null>
} {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root })
  let out = ''
  child.stdout.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr.on('data', (c: Buffer) => (out += c.toString()))
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  return { child, out: () => out, exit }
}

describe('socket-inspector record (built)', () => {
  it('records for --duration, then exits with a summary; the file replays', async () => {
    const file = join(dir, 'short.sirec.gz')
    const r = start('record', '--out', file, '--duration', '1.5', '--interval', '250')
    expect(await r.exit).toBe(0)
    expect(r.out()).toMatch(/^recorded {3}\d+ records in [\d.]+ s, \d+ bytes to /m)
    const parsed = parseRecordingBytes(readFileSync(file))
    expect(parsed.truncated).toBe(false)
    expect(parsed.records[0]!.type).toBe('keyframe')
  })

  it('a recording killed mid-write (SIGKILL) still opens with what was flushed', async () => {
    const file = join(dir, 'killed.sirec.gz')
    const r = start('record', '--out', file, '--interval', '250')
    let before = 0
    try {
      // Wait until what is on disk replays (its first keyframe). On a loaded host with tens
      // of thousands of sockets the first read takes seconds: up to 100 s.
      await waitFor(
        () => {
          if (!r.out().includes('recording')) return false
          try {
            before = parseRecordingBytes(readFileSync(file)).records.length
          } catch {
            before = 0
          }
          return before >= 1
        },
        'the first keyframe on disk',
        100_000
      )
      expect(before).toBeGreaterThanOrEqual(1)
      // Killed now, the writer is mid-way through whatever it was compressing next.
    } finally {
      r.child.kill('SIGKILL')
      await r.exit
    }
    const parsed = parseRecordingBytes(readFileSync(file))
    expect(parsed.records.some((x) => x.type === 'keyframe')).toBe(true)
    expect(parsed.records.length).toBeGreaterThanOrEqual(before)
  }, 150_000)

  it('refuses to write over a file and says what to do', async () => {
    const file = join(dir, 'short.sirec.gz')
    const r = start('record', '--out', file, '--duration', '1')
    expect(await r.exit).toBe(1)
    expect(r.out()).toMatch(/^error: .*already exists\.\nhint: Choose a new file name/m)
  })
})

describe('socket-inspector echo --pcapng (built)', () => {
  it('writes every session it served when stopped with SIGTERM; tshark follows it', async () => {
    const file = join(dir, 'echo.pcapng')
    const r = start('echo', '--tcp', '0', '--pcapng', file)
    let port = 0
    try {
      await waitFor(() => /listening {2}tcp {2}127\.0\.0\.1:(\d+)/.test(r.out()), 'listening')
      port = Number(/127\.0\.0\.1:(\d+)/.exec(r.out())![1])
      await roundTrip({ port }, Buffer.from('first session\n'))
      await roundTrip({ port }, Buffer.from('second session\n'))
      await waitFor(() => (r.out().match(/^closed/gm) ?? []).length === 2, 'both sessions closed')
    } finally {
      r.child.kill('SIGTERM')
    }
    expect(await r.exit).toBe(0)
    expect(r.out()).toMatch(/^pcapng {5}2 sessions written to /m)
    const follow = await run('tshark', ['-r', file, '-q', '-z', 'follow,tcp,ascii,1'])
    expect(follow.stdout).toContain('second session')
    expect(follow.stdout).toContain(`Node 1: 127.0.0.1:${port}`)
  })
})
