// Bad input gets a clear error before any syscall; OS refusals come back with a hint that
// names who is in the way. The process never crashes.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/dispatch'
import { Inspector } from '../../src/main/inspector'
import { startProcess, stopProcess, unusedPort, waitFor } from '../support/net'

const inspector = new Inspector({ shell: 'test' })
afterAll(() => inspector.close())

async function fails(
  name: string,
  ...args: unknown[]
): Promise<{ code: string; message: string; hint?: string }> {
  const result = await dispatch(inspector, name, args)
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`)
  return result.error
}

describe('invalid input is refused before any syscall', () => {
  const cases: Array<[string, unknown[], RegExp]> = [
    ['echo:start', [{ protocol: 'tcp', port: 70000 }], /port is a whole number from 0 to 65535/],
    ['echo:start', [{ protocol: 'tcp', port: -1 }], /port is a whole number/],
    ['echo:start', [{ protocol: 'tcp', port: 80.5 }], /port is a whole number/],
    ['echo:start', [{ protocol: 'tcp', port: '8080' }], /port is a whole number/],
    [
      'echo:start',
      [{ protocol: 'tcp', host: 'my laptop' }],
      /^The host "my laptop" is not valid: a server listens on an IP address/
    ],
    ['echo:start', [{ protocol: 'tcp', host: '999.1.1.1' }], /^The host "999.1.1.1" is not valid/],
    [
      'echo:start',
      [{ protocol: 'sctp', port: 1 }],
      /^The protocol "sctp" is not one of tcp, udp or unix/
    ],
    ['echo:start', [{ protocol: 'unix', path: '' }], /^The socket path is empty/],
    ['echo:start', [{ protocol: 'unix', path: '/tmp/a\0b' }], /NUL/],
    [
      'echo:start',
      [{ protocol: 'tcp', greeting: 'bad \\q escape' }],
      /^The greeting cannot be used: unknown escape \\q/
    ],
    ['echo:start', [{ protocol: 'tcp', backlog: 0 }], /backlog is a whole number from 1/],
    ['echo:start', [{ protocol: 'udp', idleTimeoutMs: 5 }], /idle timeout/],
    [
      'echo:start',
      [{ protocol: 'tcp', port: 1, surprise: true }],
      /^This does not take "surprise"/
    ],
    ['client:connect', [{ protocol: 'tcp', port: 0 }], /from 1 to 65535/],
    // A dotted quad that is not IPv4 is refused here, never sent to a resolver.
    [
      'client:connect',
      [{ protocol: 'tcp', host: '999.1.1.1', port: 80 }],
      /^"999\.1\.1\.1" is not a valid IPv4 address/
    ],
    [
      'client:connect',
      [{ protocol: 'udp', host: '127.0.0.256', port: 80 }],
      /^"127\.0\.0\.256" is not a valid IPv4 address/
    ],
    ['client:connect', [{ protocol: 'unix' }], /path/],
    ['client:send', ['s-1', { data: 'zz', encoding: 'hex' }], /"z" is not a hex digit/],
    ['client:send', ['s-1', { data: 'abc', encoding: 'hex' }], /even number of digits/],
    ['client:send', ['s-1', { data: 'x\\x4', encoding: 'text' }], /needs two hex digits/],
    [
      'client:send',
      ['s-1', { data: 'x', encoding: 'text', repeat: 0 }],
      /^The repeat count 0 is not valid: the repeat count is a whole number from 1/
    ],
    ['client:send', ['s-1', { data: 'x', encoding: 'text', repeat: 1e9 }], /repeat/],
    ['client:send', ['not an id', { data: 'x', encoding: 'text' }], /not an id/],
    ['session:export', ['s-1', 'pdf'], /^The export format "pdf" is not valid: use text or hex/]
  ]
  for (const [name, args, message] of cases) {
    it(`${name} ${JSON.stringify(args).slice(0, 70)}`, async () => {
      const error = await fails(name, ...args)
      expect(error.code).toBe('EINVAL')
      expect(error.message).toMatch(message)
      expect(error.hint).toBeTruthy()
      // In the user's words: no command or field code names, a capital letter first.
      expect(error.message).not.toMatch(
        /[a-z]+:[a-z]+|was given invalid input|\(\w+\)|\b(data|intervalMs|timeoutMs|idleTimeoutMs)\b/
      )
      expect(error.message).toMatch(/^[A-Z"]/)
    })
  }

  it('refuses a Unix path longer than the OS allows, with the limit in the sentence', async () => {
    const error = await fails('echo:start', {
      protocol: 'unix',
      path: `/tmp/${'x'.repeat(200)}.sock`
    })
    expect(error.code).toBe('ENAMETOOLONG')
    expect(error.message).toMatch(/this OS allows 10[37]/)
  })

  it('names unknown servers, clients and sessions', async () => {
    expect((await fails('echo:stop', 'l-999')).code).toBe('ENOSERVER')
    expect((await fails('client:close', 's-999')).code).toBe('ENOCLIENT')
    expect((await fails('session:traffic', 's-999')).code).toBe('ENOSESSION')
  })
})

describe('the OS says no', () => {
  it('a port held by another process: EADDRINUSE naming its process and pid', async () => {
    const port = await unusedPort()
    const holder = await startProcess(process.execPath, [
      '-e',
      `require('net').createServer().listen(${port}, '127.0.0.1', () => console.log('ready'))`
    ])
    try {
      const error = await fails('echo:start', { protocol: 'tcp', port })
      expect(error.code).toBe('EADDRINUSE')
      if (process.platform === 'linux') {
        expect(error.message).toBe(
          `Port ${port} is already in use by node (pid ${holder.child.pid}).`
        )
        expect(error.hint).toBe('Pick another port, or stop that process.')
      } else {
        expect(error.message).toContain(String(port))
      }
    } finally {
      await stopProcess(holder.child)
    }
  })

  it('a port held by one of our own servers says which', async () => {
    const first = await inspector.call('echo:start', [{ protocol: 'udp', port: 0 }])
    const error = await fails('echo:start', { protocol: 'udp', port: first.port })
    expect(error.code).toBe('EADDRINUSE')
    expect(error.message).toContain(`this app's echo server ${first.id}`)
  })

  it('a port below 1024 without privileges: EACCES with a hint (as root: it binds)', async () => {
    const result = await dispatch(inspector, 'echo:start', [{ protocol: 'tcp', port: 1023 }])
    if (process.getuid?.() === 0) {
      // Root may bind low ports; the server is real, so stop it.
      expect(result.ok).toBe(true)
      if (result.ok) await inspector.call('echo:stop', [(result.value as { id: string }).id])
    } else {
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'EACCES', hint: expect.stringContaining('1024') }
      })
    }
  })

  it('an address this machine does not have: EADDRNOTAVAIL', async () => {
    // 192.0.2.0/24 is TEST-NET-1: never assigned, so bind fails locally and nothing is sent.
    const error = await fails('echo:start', { protocol: 'tcp', host: '192.0.2.1', port: 0 })
    expect(error.code).toBe('EADDRNOTAVAIL')
    expect(error.hint).toMatch(/127\.0\.0\.1/)
  })

  it('a client to a closed port: ECONNREFUSED, and the process carries on', async () => {
    const port = await unusedPort()
    const error = await fails('client:connect', { protocol: 'tcp', port })
    expect(error.code).toBe('ECONNREFUSED')
    expect(error.message).toBe(
      `Nothing is listening at 127.0.0.1:${port}: the connection was refused.`
    )
    const failed = (await inspector.call('client:list', [])).find((s) => s.remote.port === port)
    expect(failed?.state).toBe('error')
  })

  it('a client to a listener whose accept queue is full: ETIMEDOUT after the chosen timeout', async () => {
    // python3 listens with the smallest backlog, never accepts, and fills the queue itself;
    // the kernel then drops new SYNs, so our connect waits until its own timer fires.
    const script = [
      'import socket, sys, time',
      's = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(0)',
      'port = s.getsockname()[1]',
      'fill = []',
      'for _ in range(4):',
      '    c = socket.socket(); c.setblocking(False)',
      '    c.connect_ex(("127.0.0.1", port)); fill.append(c)',
      'time.sleep(0.2)',
      'print(port, flush=True)',
      'time.sleep(30)'
    ].join('\n')
    const holder = await startProcess('python3', ['-c', script])
    try {
      const port = Number(holder.firstLine)
      const error = await fails('client:connect', { protocol: 'tcp', port, timeoutMs: 300 })
      expect(error.code).toBe('ETIMEDOUT')
      expect(error.message).toBe(`No answer from 127.0.0.1:${port} within 300 ms.`)
      expect(error.hint).toMatch(/longer timeout/)
    } finally {
      await stopProcess(holder.child)
    }
  })

  it('a client to a missing Unix socket: ENOENT', async () => {
    const error = await fails('client:connect', { protocol: 'unix', path: '/tmp/si-no-such.sock' })
    expect(error.code).toBe('ENOENT')
    expect(error.hint).toMatch(/Start a Unix-socket server/)
  })

  it('a datagram larger than UDP allows: EMSGSIZE before sending', async () => {
    const server = await inspector.call('echo:start', [{ protocol: 'udp', port: 0 }])
    const client = await inspector.call('client:connect', [{ protocol: 'udp', port: server.port! }])
    const error = await fails('client:send', client.id, {
      data: 'ab'.repeat(65_508),
      encoding: 'hex'
    })
    expect(error.code).toBe('EMSGSIZE')
    expect(error.message).toContain('65508-byte datagram')
    expect(inspector.internals.sessions.get(client.id)!.bytesOut).toBe(0)
  })
})

describe('errors name the right cause (real sockets, loopback only)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'si-causes-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('a Unix server in a folder that does not exist: "no such folder", not "not allowed"', async () => {
    const path = join(dir, 'missing', 'echo.sock')
    const error = await fails('echo:start', { protocol: 'unix', path })
    expect(error.code).toBe('ENOENT')
    expect(error.message).toBe(
      `There is no folder ${join(dir, 'missing')}, so no socket can be made at ${path}.`
    )
    expect(`${error.message} ${error.hint}`).not.toMatch(/allowed|permission/i)
  })

  it('a Unix client to a file that is not a socket says so, not "check the port"', async () => {
    const path = join(dir, 'plain.txt')
    writeFileSync(path, 'not a socket')
    const error = await fails('client:connect', { protocol: 'unix', path })
    expect(error.code).toBe('ENOTSOCK')
    expect(error.message).toBe(`${path} is a file, not a socket: nothing can connect to it.`)
    expect(error.hint).not.toMatch(/port/)
  })

  it('a Unix client to a socket file nobody listens on: a stale socket, not "check the port"', async () => {
    // python3 binds a Unix stream socket and exits without listening: the file stays.
    const path = join(dir, 'stale.sock')
    execFileSync('python3', [
      '-c',
      `import socket; socket.socket(socket.AF_UNIX).bind(${JSON.stringify(path)})`
    ])
    const error = await fails('client:connect', { protocol: 'unix', path })
    expect(error.code).toBe('ECONNREFUSED')
    expect(error.message).toMatch(/no server is listening on it/)
    expect(error.hint).not.toMatch(/port/)
  })

  it('a bad dotted quad is refused where the client connects too, before any resolver', async () => {
    // Past the schema, straight to the clients room: EINVAL, never ENOTFOUND from DNS.
    await expect(
      inspector.internals.clients.connect({ protocol: 'udp', host: '999.1.1.1', port: 9 })
    ).rejects.toMatchObject({ code: 'EINVAL', message: expect.stringMatching(/not a valid IPv4/) })
  })

  it('a UDP client whose datagrams are refused (ICMP) shows ECONNREFUSED on its session', async () => {
    const port = await unusedPort()
    const updates: string[] = []
    const off = inspector.on('session:update', (list) => {
      for (const s of list) if (s.error) updates.push(s.error.code)
    })
    const client = await inspector.call('client:connect', [{ protocol: 'udp', port }])
    // The first datagram draws the ICMP "port unreachable"; the kernel reports it on the
    // connected socket, so send until the session shows it (bounded).
    for (let i = 0; i < 20 && !inspector.internals.sessions.get(client.id)!.error; i++) {
      await inspector.call('client:send', [client.id, { data: 'ping', encoding: 'text' }])
      await waitFor(() => inspector.internals.sessions.get(client.id)!.bytesOut >= 4 * (i + 1))
    }
    const session = inspector.internals.sessions.get(client.id)!.snapshot()
    expect(session.error).toMatchObject({
      code: 'ECONNREFUSED',
      message: `127.0.0.1:${port} refused the datagrams: nothing listens on that UDP port (ICMP port unreachable).`
    })
    expect(session.state).toBe('open')
    await waitFor(() => updates.includes('ECONNREFUSED'), 'a session:update with the error')
    off()
  })
})
