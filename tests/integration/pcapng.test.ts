// The pcapng of real echo sessions, read back by Debian's tshark (a reader we did not write):
// its "follow" gives exactly the bytes the traffic log holds, both ways, and every packet's
// comment names the process, pid, fd and session.
import { execFile } from 'node:child_process'
import { createSocket } from 'node:dgram'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { ownProcess, pcapngFor } from '../../src/main/pcapng/export'
import type { Listener, Session } from '../../src/shared/model'
import { roundTrip, waitFor } from '../support/net'

const run = promisify(execFile)
const inspector = new Inspector({ shell: 'test' })
const dir = mkdtempSync(join(tmpdir(), 'si-pcapng-'))
let tcp: Listener

beforeAll(async () => {
  tcp = await inspector.call('echo:start', [{ protocol: 'tcp', port: 0, greeting: 'hello\\n' }])
})
afterAll(async () => {
  await inspector.close()
  rmSync(dir, { recursive: true, force: true })
})

/** tshark's follow,tcp,raw: node 0's bytes unindented, node 1's after a tab, as hex. */
function parseFollow(text: string): { first: Buffer; second: Buffer; nodes: string[] } {
  const first: Buffer[] = []
  const second: Buffer[] = []
  const nodes: string[] = []
  for (const line of text.split('\n')) {
    const node = /^Node \d: (.*)$/.exec(line)
    if (node) nodes.push(node[1]!)
    else if (/^\t[0-9a-f]+$/.test(line)) second.push(Buffer.from(line.slice(1), 'hex'))
    else if (/^[0-9a-f]+$/.test(line)) first.push(Buffer.from(line, 'hex'))
  }
  return { first: Buffer.concat(first), second: Buffer.concat(second), nodes }
}

function logged(session: Session, dir: 'in' | 'out'): Buffer {
  const s = inspector.internals.sessions.get(session.id)!
  const chunks = inspector.internals.traffic.range(s.log, 0, Number.MAX_SAFE_INTEGER)
  return Buffer.concat(chunks.filter((c) => c.dir === dir).map((c) => c.bytes))
}

async function closedSessionOf(listener: Listener, count: number): Promise<Session[]> {
  await waitFor(
    () =>
      inspector.internals.sessions
        .list((s) => s.init.listenerId === listener.id)
        .filter((s) => s.state === 'closed').length >= count,
    'sessions closed'
  )
  return inspector.internals.sessions.list((s) => s.init.listenerId === listener.id)
}

describe('pcapng export read by tshark', () => {
  it('follow,tcp,raw gives back the session traffic log, both directions, and comments name the process', async () => {
    const payload = randomBytes(200 * 1024)
    const echoed = await roundTrip({ port: tcp.port! }, payload, 7_000)
    expect(echoed.received.length).toBe(payload.length + 6)
    const [session] = await closedSessionOf(tcp, 1)
    const file = join(dir, 'one.pcapng')
    writeFileSync(file, pcapngFor(inspector.internals.sessions, { sessionId: session!.id }))

    const { stdout } = await run('tshark', ['-r', file, '-q', '-z', 'follow,tcp,raw,0'])
    const follow = parseFollow(stdout)
    // Node 0 is the side that connected: the client, whose bytes the server logged as 'in'.
    expect(follow.nodes[0]).toBe(`127.0.0.1:${session!.remote.port}`)
    expect(follow.nodes[1]).toBe(`127.0.0.1:${tcp.port}`)
    expect(follow.first.equals(logged(session!, 'in'))).toBe(true)
    expect(follow.second.equals(logged(session!, 'out'))).toBe(true)
    expect(follow.first.equals(payload)).toBe(true)

    const fields = await run('tshark', [
      '-r',
      file,
      '-T',
      'fields',
      '-e',
      'frame.comment',
      '-e',
      'tcp.flags.str'
    ])
    const lines = fields.stdout.trim().split('\n')
    const me = ownProcess()
    for (const line of lines) {
      expect(line).toContain(`${me.process} pid ${me.pid} fd ${session!.fd} session ${session!.id}`)
    }
    expect(lines[0]).toMatch(/synthesized: handshake SYN\t.*S/)
    expect(lines.filter((l) => l.includes('synthesized: close FIN'))).toHaveLength(2)
    // No analysis complaint (bad seq, lost segment, bad checksum) on a fully logged session.
    const warn = await run('tshark', [
      '-r',
      file,
      '-o',
      'tcp.check_checksum:TRUE',
      '-Y',
      '_ws.expert.severity >= warning'
    ])
    expect(warn.stdout.trim()).toBe('')
  })

  it('a server export holds all its sessions as separate TCP streams', async () => {
    await roundTrip({ port: tcp.port! }, Buffer.from('first\n'))
    await roundTrip({ port: tcp.port! }, Buffer.from('second\n'))
    const sessions = await closedSessionOf(tcp, 3)
    const file = join(dir, 'server.pcapng')
    writeFileSync(file, pcapngFor(inspector.internals.sessions, { listenerId: tcp.id }))
    const { stdout } = await run('tshark', ['-r', file, '-T', 'fields', '-e', 'tcp.stream'])
    expect(new Set(stdout.trim().split('\n')).size).toBe(sessions.length)
  })

  it('a Unix-socket session opens in tshark as exported PDUs with its bytes and comments', async () => {
    const path = join(dir, 'echo.sock')
    const unix = await inspector.call('echo:start', [{ protocol: 'unix', path }])
    await roundTrip({ path }, Buffer.from('over a unix socket\n'))
    const [session] = await closedSessionOf(unix, 1)
    const file = join(dir, 'unix.pcapng')
    writeFileSync(file, pcapngFor(inspector.internals.sessions, { sessionId: session!.id }))
    const { stdout } = await run('tshark', [
      '-r',
      file,
      '-T',
      'fields',
      '-e',
      'frame.protocols',
      '-e',
      'data.data',
      '-e',
      'frame.comment'
    ])
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'))
    expect(rows.map((r) => r[0])).toEqual(['exported_pdu:data', 'exported_pdu:data'])
    const bytes = rows.map((r) => Buffer.from(r[1]!, 'hex').toString())
    expect(bytes).toEqual(['over a unix socket\n', 'over a unix socket\n'])
    expect(rows[0]![2]).toContain(`unix ${path}`)
    expect(rows[0]![2]).toContain(`session ${session!.id}`)
  })

  it('a UDP session is one datagram per chunk, both ways, on its real ports', async () => {
    const udp = await inspector.call('echo:start', [{ protocol: 'udp', port: 0 }])
    const client = createSocket('udp4')
    const echoed = new Promise<Buffer>((r) => client.once('message', (m) => r(m)))
    client.send(Buffer.from('datagram one'), udp.port!, '127.0.0.1')
    expect((await echoed).toString()).toBe('datagram one')
    const clientPort = client.address().port
    client.close()
    await waitFor(
      () => inspector.internals.sessions.list((s) => s.init.listenerId === udp.id).length === 1,
      'the UDP session'
    )
    const [session] = inspector.internals.sessions.list((s) => s.init.listenerId === udp.id)
    await waitFor(() => inspector.internals.sessions.get(session!.id)!.bytesOut === 12, 'echo out')
    const file = join(dir, 'udp.pcapng')
    writeFileSync(file, pcapngFor(inspector.internals.sessions, { sessionId: session!.id }))
    const { stdout } = await run('tshark', [
      '-r',
      file,
      '-T',
      'fields',
      '-e',
      'udp.srcport',
      '-e',
      'udp.dstport',
      '-e',
      'data.data'
    ])
    expect(stdout.trim().split('\n')).toEqual([
      `${clientPort}\t${udp.port}\t${Buffer.from('datagram one').toString('hex')}`,
      `${udp.port}\t${clientPort}\t${Buffer.from('datagram one').toString('hex')}`
    ])
  })
})
