import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig } from 'vitest/config'

// Every CLI a test spawns keeps its settings here, never in the user's config folder.
const configHome = mkdtempSync(join(tmpdir(), 'si-test-config-'))

export default defineConfig({
  test: {
    environment: 'node',
    // One process per test file: tests that look at this process's sockets see only their own.
    pool: 'forks',
    env: { XDG_CONFIG_HOME: configHome },
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Integration tests move real bytes over loopback; give them room on a loaded 2-core box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]]
  }
})
