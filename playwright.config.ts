import { defineConfig } from '@playwright/test'

/** Debian's Chromium; Playwright's own browser download cannot run on these machines. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Without the background-networking flags Chromium keeps dialling Google's hosts, which
// this machine's closed network refuses; as root it needs --no-sandbox.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export default defineConfig({
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  timeout: 60_000,
  // Conditions are waited for, not timed: on a loaded two-core machine a render can take seconds.
  expect: { timeout: 15_000 },
  workers: 1,
  projects: [
    {
      name: 'browser',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
        screenshot: 'only-on-failure',
        trace: 'retain-on-failure'
      }
    },
    { name: 'electron', testDir: 'tests/electron' }
  ]
})
