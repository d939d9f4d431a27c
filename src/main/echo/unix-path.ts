// Getting a Unix socket path ready to listen on: too long → clear error before any
// syscall; no such folder → said so (libuv would report EACCES, "not allowed"); a live
// server there → EADDRINUSE; a stale socket file → removed, and said so. And before a
// client connects: a path that is not a socket is said to be so (Linux says ECONNREFUSED).
import { lstat, stat, unlink } from 'node:fs/promises'
import { connect } from 'node:net'
import { dirname, isAbsolute, resolve } from 'node:path'
import { ERROR_IDS as ID } from '../../shared/error-ids'
import { InspectorFailure } from '../../shared/errors'

/** sun_path is 108 bytes on Linux, 104 on macOS, NUL included. */
export const UNIX_PATH_MAX_BYTES = process.platform === 'darwin' ? 103 : 107
const PROBE_TIMEOUT_MS = 1_000
const WINDOWS_PIPE = /^\\\\[.?]\\pipe\\/i

export function normalizeSocketPath(path: string, platform = process.platform): string {
  if (platform === 'win32') return WINDOWS_PIPE.test(path) ? path : `\\\\.\\pipe\\${path}`
  const full = isAbsolute(path) ? path : resolve(path)
  if (Buffer.byteLength(full) > UNIX_PATH_MAX_BYTES) {
    throw new InspectorFailure(
      'ENAMETOOLONG',
      `The socket path ${full} is ${Buffer.byteLength(full)} bytes; this OS allows ${UNIX_PATH_MAX_BYTES}.`,
      'Use a shorter path, such as /tmp/echo.sock.'
    )
  }
  return full
}

export type PathCheck = 'free' | 'stale-removed'

/** The folder a socket is to be made in must exist and be a folder. */
async function checkFolder(path: string): Promise<void> {
  const folder = dirname(path)
  let info
  try {
    info = await stat(folder)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return // the OS says the rest
    throw new InspectorFailure(
      'ENOENT',
      `There is no folder ${folder}, so no socket can be made at ${path}.`,
      'Create the folder first, or pick a path in a folder that exists, such as /tmp/echo.sock.',
      { id: ID.pathNoFolder, params: { folder, path } }
    )
  }
  if (!info.isDirectory()) {
    throw new InspectorFailure(
      'ENOTDIR',
      `${folder} is a file, not a folder, so no socket can be made at ${path}.`,
      'Pick a path in a folder, such as /tmp/echo.sock.',
      { id: ID.pathFolderIsFile, params: { folder, path } }
    )
  }
}

/** Before a client connects: is there a socket at this path at all? */
export async function checkSocketToConnect(path: string): Promise<void> {
  if (process.platform === 'win32') return
  let info
  try {
    info = await lstat(path)
  } catch {
    return // missing: connect() says ENOENT, which reads right
  }
  if (!info.isSocket()) {
    throw new InspectorFailure(
      'ENOTSOCK',
      `${path} is ${info.isDirectory() ? 'a folder' : 'a file'}, not a socket: nothing can connect to it.`,
      'Pick the path a Unix-socket server listens on; the Echo view lists yours.',
      { id: info.isDirectory() ? ID.pathIsFolder : ID.pathIsFile, params: { path } }
    )
  }
}

export async function prepareSocketPath(path: string): Promise<PathCheck> {
  if (process.platform === 'win32') return 'free'
  await checkFolder(path)
  let info
  try {
    info = await lstat(path)
  } catch {
    return 'free'
  }
  if (!info.isSocket()) {
    throw new InspectorFailure(
      'EEXIST',
      `${path} already exists and is not a socket.`,
      'Pick another path; Socket Inspector never deletes a file that is not a socket.',
      { id: ID.pathExists, params: { path } }
    )
  }
  if (await isLive(path)) {
    throw new InspectorFailure(
      'EADDRINUSE',
      `A server is already listening at ${path}.`,
      'Pick another path, or stop that server first.',
      { id: ID.listenPathInUse, params: { where: path } }
    )
  }
  await unlink(path)
  return 'stale-removed'
}

function isLive(path: string): Promise<boolean> {
  return new Promise((res) => {
    const probe = connect({ path })
    const done = (live: boolean): void => {
      probe.destroy()
      res(live)
    }
    probe.setTimeout(PROBE_TIMEOUT_MS, () => done(true))
    probe.once('connect', () => done(true))
    // ECONNREFUSED: a socket file nobody listens on any more.
    probe.once('error', (err: NodeJS.ErrnoException) =>
      done(err.code !== 'ECONNREFUSED' && err.code !== 'ENOENT')
    )
  })
}

/** libuv removes the file on close; this makes sure, touching only a socket. */
export async function removeSocketFile(path: string): Promise<void> {
  if (process.platform === 'win32') return
  try {
    if ((await lstat(path)).isSocket()) await unlink(path)
  } catch {
    // already gone
  }
}
