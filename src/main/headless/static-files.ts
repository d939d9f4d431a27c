// Serves the built renderer, and only it: no directory listings, no path escapes.
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8'
}

export interface StaticFile {
  readonly body: Buffer
  readonly contentType: string
  readonly immutable: boolean
}

export async function readStatic(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const full = normalize(join(root, relative))
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null
  try {
    const info = await stat(full)
    if (!info.isFile()) return null
    const type = CONTENT_TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream'
    // Vite puts a content hash in every asset's name, so those can be cached for good.
    return {
      body: await readFile(full),
      contentType: type,
      immutable: relative.startsWith('assets/')
    }
  } catch {
    return null
  }
}
