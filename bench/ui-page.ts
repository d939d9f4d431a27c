// The real App against the in-page synthetic core (bench/ui/), built with Vite and served
// from a loopback HTTP server: what the UI benchmarks load in Chromium.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { extname, join, resolve } from 'node:path'
import react from '@vitejs/plugin-react'

const ROOT = resolve(__dirname, 'ui')
const PAGE = 'index.html'
const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png'
}

export async function buildPage(outDir: string): Promise<void> {
  // Vite's ESM entry: under tsx this file is CommonJS, and Vite's CommonJS entry leaves the
  // renderer's import.meta.glob untransformed.
  const { build } = await import('vite')
  await build({
    root: ROOT,
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 2_000,
      // Chromium has module preload; the polyfill's import does not resolve under tsx.
      modulePreload: { polyfill: false },
      // BENCH_MINIFY=0 keeps names, for a profile that says where the time goes.
      minify: process.env.BENCH_MINIFY !== '0'
    }
  })
}

/** Serves the built page at / (its assets resolve from there) on 127.0.0.1. */
export function servePage(outDir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const file = join(outDir, path === '/' ? PAGE : path)
    if (!file.startsWith(outDir)) return void res.writeHead(403).end()
    readFile(file).then(
      (body) =>
        res
          .writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' })
          .end(body),
      () => res.writeHead(404).end()
    )
  })
  return new Promise((r) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      r({ server, origin: `http://127.0.0.1:${port}` })
    })
  )
}
