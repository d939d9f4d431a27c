import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// The CLI entry is run by plain Node (`socket-inspector …`), so it needs a shebang; the
// Electron entry must not get one.
const CLI_BANNER = '#!/usr/bin/env node'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/headless/cli.ts'),
          // The core in its own process (utilityProcess.fork in the app; child_process.fork in tests).
          'core-host': resolve('src/main/core-host.ts')
        },
        output: {
          banner: (chunk) => (chunk.name === 'cli' ? CLI_BANNER : '')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() anything but electron, so bundle everything.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve('src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      // Browser mode may be served over an SSH tunnel, where every kilobyte counts.
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } }
    },
    plugins: [react()]
  }
})
