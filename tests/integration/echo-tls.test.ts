// TLS echo: a server with the app's own self-signed certificate (made on first use, kept in
// a folder), real peers (openssl s_client, Node's tls client, the app's own TLS client),
// every byte back identical, and the session showing what the handshake agreed.
import { spawn } from 'node:child_process'
import { createHash, randomBytes, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect as tlsConnect } from 'node:tls'
import { afterAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/inspector'
import { EchoServers } from '../../src/main/echo/servers'
import { SelfSignedStore } from '../../src/main/echo/tls-cert'
import type { Listener, Session } from '../../src/shared/model'
import { waitFor } from '../support/net'

const CLIENTS = 200
const BYTES_EACH = 1024 * 1024
const dir = mkdtempSync(join(tmpdir(), 'si-tls-'))
const inspector = new Inspector({ shell: 'test' })
// The app's certificate kept in a folder, as the config folder will hold it.
const servers = new EchoServers(inspector.internals.servers.context, new SelfSignedStore(dir))
afterAll(async () => {
  await servers.closeAll()
  await inspector.close()
  rmSync(dir, { recursive: true, force: true })
})

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

/** A TLS client that sends everything, half-closes, and collects what comes back. */
function tlsRoundTrip(port: number, data: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false })
    const parts: Buffer[] = []
    socket.on('data', (d: Buffer) => parts.push(d))
    socket.on('error', reject)
    socket.on('close', () => resolve(Buffer.concat(parts)))
    socket.on('secureConnect', () => socket.end(data))
  })
}

const sessionsOf = (l: Listener): Session[] =>
  inspector.internals.sessions.list().filter((s) => s.listenerId === l.id)

describe('TLS echo server', () => {
  it('makes its self-signed certificate once, keeps it in the folder, and shows it', async () => {
    const a = await servers.start({ protocol: 'tcp', port: 0, tls: {} })
    expect(a.tls).toMatchObject({ subject: 'CN=localhost', selfSigned: true })
    const pem = readFileSync(join(dir, 'echo-tls-cert.pem'), 'utf8')
    expect(new X509Certificate(pem).subject).toBe('CN=localhost')
    // A fresh store (as after a restart) reads the same certificate, not a new one.
    const again = await new SelfSignedStore(dir).get()
    expect(again.cert).toBe(pem)
    await servers.stop(a.id)
  })

  it('openssl s_client as the peer: its bytes come back, and the session shows the version and cipher openssl agreed', async () => {
    const server = await servers.start({ protocol: 'tcp', port: 0, tls: {} })
    const child = spawn(
      'openssl',
      [
        's_client',
        '-connect',
        `127.0.0.1:${server.port}`,
        '-servername',
        'localhost',
        '-alpn',
        'echo',
        '-brief'
      ],
      { stdio: ['pipe', 'pipe', 'pipe'] }
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    const exited = new Promise<void>((r) => child.once('exit', () => r()))
    try {
      await waitFor(() => /CONNECTION ESTABLISHED/.test(err), 'openssl handshake')
      child.stdin.write('hello over tls\n')
      await waitFor(() => out.includes('hello over tls'), 'openssl got its echo')
      const version = /Protocol version: (\S+)/.exec(err)![1]
      const cipher = /Ciphersuite: (\S+)/.exec(err)![1]
      await waitFor(() => sessionsOf(server)[0]?.tls?.version === version, 'session TLS info')
      const s = sessionsOf(server)[0]!
      expect(s.tls).toMatchObject({
        version,
        cipher,
        alpn: 'echo',
        servername: 'localhost',
        localSubject: 'CN=localhost'
      })
      // Plaintext in the app's counters: exactly the 15 bytes typed.
      await waitFor(() => inspector.internals.sessions.get(s.id)!.bytesOut === 15, 'echo counted')
      expect(inspector.internals.sessions.get(s.id)!.bytesIn).toBe(15)
    } finally {
      child.stdin.end()
      await exited
    }
    await waitFor(() => sessionsOf(server)[0]?.state === 'closed', 'session closed')
    await servers.stop(server.id)
  })

  it(`${CLIENTS} concurrent TLS clients × 1 MiB of random bytes come back identical`, async () => {
    const server = await servers.start({ protocol: 'tcp', port: 0, tls: {} })
    const payloads = Array.from({ length: CLIENTS }, () => randomBytes(BYTES_EACH))
    const echoed = await Promise.all(payloads.map((p) => tlsRoundTrip(server.port!, p)))
    echoed.forEach((got, i) => {
      expect(got.length, `client ${i} got every byte`).toBe(BYTES_EACH)
      expect(sha(got), `client ${i} got its own bytes in order`).toBe(sha(payloads[i]!))
    })
    await waitFor(
      () =>
        sessionsOf(server).length === CLIENTS &&
        sessionsOf(server).every((s) => s.state === 'closed'),
      'all sessions closed'
    )
    for (const s of sessionsOf(server)) {
      expect(s.bytesIn).toBe(BYTES_EACH)
      expect(s.bytesOut).toBe(BYTES_EACH)
      expect(s.tls?.version).toMatch(/^TLSv1\.[23]$/)
    }
    await servers.stop(server.id)
  })
})

describe('TLS client', () => {
  it('refuses a self-signed server while verifying, saying why and how to go on', async () => {
    const server = await servers.start({ protocol: 'tcp', port: 0, tls: {} })
    await expect(
      inspector.call('client:connect', [{ protocol: 'tcp', port: server.port!, tls: {} }])
    ).rejects.toMatchObject({
      message: expect.stringContaining('is not trusted'),
      hint: expect.stringContaining('Verify certificate')
    })
    // The failed client stays as a session that says why, until dismissed.
    const failed = inspector.internals.sessions
      .list()
      .filter((s) => s.role === 'client' && s.state === 'error')
      .at(-1)!
    expect(failed.error?.message).toContain('is not trusted')
    expect(inspector.internals.sessions.forgetClosed([failed.id])).toEqual([failed.id])
    expect(inspector.internals.sessions.get(failed.id)).toBeUndefined()
    await servers.stop(server.id)
  })

  it('with verify off, SNI and ALPN: echoes, and shows version, cipher and the server certificate', async () => {
    const server = await servers.start({ protocol: 'tcp', port: 0, tls: {} })
    const client = await inspector.call('client:connect', [
      {
        protocol: 'tcp',
        port: server.port!,
        tls: { verify: false, servername: 'echo.test', alpn: ['h2', 'http/1.1'] }
      }
    ])
    expect(client.tls).toMatchObject({
      alpn: 'h2',
      servername: 'echo.test',
      peerSubject: 'CN=localhost',
      authorized: false
    })
    expect(client.tls?.version).toMatch(/^TLSv1\.[23]$/)
    expect(client.tls?.peerValidTo).toMatch(/GMT$/)
    await inspector.call('client:send', [client.id, { data: 'ping\\n', encoding: 'text' }])
    await waitFor(() => inspector.internals.sessions.get(client.id)!.bytesIn === 5, 'echo back')
    const accepted = sessionsOf(server)[0]!
    expect(accepted.tls?.servername).toBe('echo.test')
    // TCP_INFO counts the encrypted bytes: more than the 5 plaintext bytes each way.
    const kernel = await inspector.call('session:kernel', [client.id])
    expect(kernel?.tcpInfo?.bytesReceived ?? 0).toBeGreaterThan(5)
    await inspector.call('client:close', [client.id])
    await servers.stop(server.id)
  })

  it('the user’s own certificate and key: both or neither', async () => {
    const own = await new SelfSignedStore(dir).get()
    expect(own.selfSigned).toBe(true)
    const certPath = join(dir, 'echo-tls-cert.pem')
    const keyPath = join(dir, 'echo-tls-key.pem')
    const server = await servers.start({ protocol: 'tcp', port: 0, tls: { certPath, keyPath } })
    expect(server.tls).toMatchObject({ subject: 'CN=localhost', selfSigned: false })
    await servers.stop(server.id)
    await expect(servers.start({ protocol: 'tcp', port: 0, tls: { certPath } })).rejects.toThrow(
      /both a certificate and its private key/
    )
    await expect(
      servers.start({ protocol: 'tcp', port: 0, tls: { certPath: join(dir, 'nope.pem'), keyPath } })
    ).rejects.toThrow(/Cannot read the certificate file/)
  })
})
