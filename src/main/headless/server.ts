// The headless shell: the built renderer and the contract over one WebSocket, on loopback,
// behind a random token (the way Jupyter does it). It is how the UI runs in any browser.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import type { WebSocket } from 'ws'
import { InspectorFailure } from '../../shared/errors'
import { WS_CLOSE_UNAUTHORIZED, WS_MAX_INCOMING_BYTES, WS_PATH } from '../../shared/wire'
import { listenFailure } from '../net-errors'
import type { Inspector } from '../inspector'
import { WirePeer } from '../wire-peer'
import type { PeerLink, PeerStats } from '../wire-peer'
import { hostOfHeader, isLoopbackHost, urlHost } from './net-policy'
import { readStatic } from './static-files'

export interface HeadlessOptions {
  readonly inspector: Inspector
  readonly staticDir: string
  readonly host?: string
  readonly port?: number
  readonly allowRemote?: boolean
  /** Tests pass a fixed token; users get a fresh random one each run. */
  readonly token?: string
}

export interface HeadlessServer {
  readonly url: string
  readonly token: string
  readonly host: string
  readonly port: number
  /** Each connected client's bounds as they stand (see wire-peer.ts). */
  peers(): PeerStats[]
  close(): Promise<void>
}

/**
 * The token cookie is named per port, so two `serve`s on one host never overwrite each
 * other's, and it is HttpOnly, SameSite=Strict and Path=/ so no page script or other site
 * sees it. (Cookies do not separate ports, hence the name.)
 */
export const tokenCookie = (port: number): string => `si_token_${port}`
const TOKEN_BYTES = 24
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

export async function startHeadlessServer(options: HeadlessOptions): Promise<HeadlessServer> {
  const host = options.host ?? '127.0.0.1'
  const remote = !isLoopbackHost(host)
  if (remote && !options.allowRemote) {
    throw new InspectorFailure(
      'EREMOTE',
      `Refusing to serve on ${host}: the headless server listens on loopback only.`,
      'Use an SSH tunnel (ssh -L 7070:127.0.0.1:7070 host), or pass --allow-remote if you accept that anyone who can reach this address and has the token can use it.'
    )
  }
  const token = options.token ?? randomBytes(TOKEN_BYTES).toString('base64url')
  const tokenBytes = Buffer.from(token)
  let boundPort = 0
  const hasToken = (candidate: string | null | undefined): boolean => {
    if (!candidate) return false
    const given = Buffer.from(candidate)
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes)
  }
  const authorized = (req: IncomingMessage, url: URL): boolean =>
    hasToken(url.searchParams.get('token')) || hasToken(cookieOf(req, tokenCookie(boundPort)))
  // Without this, a web page could reach us through DNS rebinding under a name it controls.
  const hostAllowed = (req: IncomingMessage): boolean => {
    if (remote) return true
    const h = hostOfHeader(req.headers.host)
    return h !== null && isLoopbackHost(h)
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_INCOMING_BYTES })
  const peers = new Set<WirePeer>()
  const server = createServer((req, res) => {
    void handleHttp(req, res).catch(() => send(res, 500, 'Internal error.'))
  })

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req)
    if (!url) return send(res, 400, 'Bad request: the request target is not a URL path.')
    if (!hostAllowed(req)) return send(res, 403, 'Host not allowed.')
    if (!authorized(req, url)) {
      return send(
        res,
        401,
        'Socket Inspector needs its token: open the full URL that `socket-inspector serve` printed.'
      )
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.')
    const file = await readStatic(options.staticDir, url.pathname)
    if (!file) return send(res, 404, 'Not found.')
    if (url.searchParams.has('token')) {
      res.setHeader(
        'Set-Cookie',
        `${tokenCookie(boundPort)}=${token}; HttpOnly; SameSite=Strict; Path=/`
      )
    }
    securityHeaders(res)
    res.setHeader('Content-Type', file.contentType)
    res.setHeader(
      'Cache-Control',
      file.immutable ? 'public, max-age=31536000, immutable' : 'no-store'
    )
    res.writeHead(200)
    res.end(req.method === 'HEAD' ? undefined : file.body)
  }

  // Every raw socket gets an error handler before anything else: a client that resets
  // mid-request must never raise an unhandled 'error' (which would end the process).
  server.on('connection', (socket: Duplex) => socket.on('error', ignoreSocketError))
  server.on('clientError', (_err, socket: Duplex) => {
    socket.on('error', ignoreSocketError)
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', ignoreSocketError)
    try {
      upgrade(req, socket, head)
    } catch (err) {
      console.warn('refused a WebSocket upgrade that could not be handled:', err)
      socket.destroy()
    }
  })

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = requestUrl(req)
    if (!url || url.pathname !== WS_PATH || !hostAllowed(req) || !originAllowed(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Browsers cannot read an HTTP status from a failed upgrade, so refuse with a close code.
      if (!authorized(req, url)) ws.close(WS_CLOSE_UNAUTHORIZED, 'token required')
      else serveClient(ws, options.inspector, peers)
    })
  }

  const address = await listen(server, host, options.port ?? 0)
  boundPort = address.port
  const url = `http://${urlHost(host)}:${address.port}/?token=${token}`
  return {
    url,
    token,
    host,
    port: address.port,
    peers: () => [...peers].map((p) => p.stats()),
    close: async () => {
      for (const client of wss.clients) client.close(1001, 'server stopping')
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

let nextClient = 1

function serveClient(ws: WebSocket, inspector: Inspector, peers: Set<WirePeer>): void {
  const peer = new WirePeer(inspector, wsLink(ws), `WebSocket client ${nextClient++}`)
  peers.add(peer)
  ws.on('message', (data, isBinary) => peer.receive(isBinary ? null : String(data)))
  const gone = (): void => {
    peer.dispose()
    peers.delete(peer)
  }
  ws.on('close', gone)
  ws.on('error', gone)
}

function wsLink(ws: WebSocket): PeerLink {
  return {
    write: (text, done) => {
      if (ws.readyState === ws.OPEN) ws.send(text, done)
    },
    unreadBytes: () => ws.bufferedAmount,
    close: (code, reason) => ws.close(code, reason)
  }
}

/** The request target as a URL, or null when a client sent something that is not one. */
function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost')
  } catch {
    return null
  }
}

function ignoreSocketError(): void {
  // A reset or a broken pipe from one client concerns only that client; Node destroys it.
}

function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  // Non-browser clients send no Origin; browsers always do, and it must be our own page.
  if (!origin) return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}

function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return null
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CSP)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
}

function send(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  securityHeaders(res)
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store'
  })
  res.end(`${text}\n`)
}

function listen(
  server: ReturnType<typeof createServer>,
  host: string,
  port: number
): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off('listening', onListening)
      reject(listenFailure(err, { protocol: 'tcp', where: `${urlHost(host)}:${port}`, port }))
    }
    const onListening = (): void => {
      server.off('error', onError)
      resolve(server.address() as AddressInfo)
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen({ host, port, exclusive: true })
  })
}
