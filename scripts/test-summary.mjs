// Sums the JSON reports of every test runner into CI's closing line:
// "N passed, N failed, N skipped". A failed step outside the runners (typecheck, lint,
// build) counts as one failure, so a red run never reads "0 failed".
import { existsSync, readFileSync } from 'node:fs'

const status = Number(process.argv[2] ?? 0)
const totals = { passed: 0, failed: 0, skipped: 0 }

function read(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}

const vitest = read('test-results/vitest.json')
if (vitest) {
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests
} else console.log('vitest did not run (an earlier step failed)')

const playwright = read('test-results/playwright.json')
if (playwright) {
  totals.passed += playwright.stats.expected + playwright.stats.flaky
  totals.failed += playwright.stats.unexpected
  totals.skipped += playwright.stats.skipped
} else console.log('Playwright did not run (an earlier step failed)')

if (status !== 0 && totals.failed === 0) {
  console.log('npm test failed outside the test runners (typecheck, lint or build)')
  totals.failed = 1
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
