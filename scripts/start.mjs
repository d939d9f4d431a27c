// `npm start`: check for the Electron binary first (one clear sentence if it is missing),
// then build, then open the app. `--dev` runs electron-vite's dev server instead.
import { spawn, spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronBinary, installElectron, MISSING_ELECTRON } from './electron-binary.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dev = process.argv.includes('--dev')

let binary = electronBinary(root)
if (!binary && installElectron(root)) binary = electronBinary(root)
if (!binary) {
  console.error(MISSING_ELECTRON)
  process.exit(1)
}

const viteBin = join(root, 'node_modules', '.bin', 'electron-vite')
if (dev) {
  const child = spawn(viteBin, ['dev'], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 1))
} else {
  const build = spawnSync(viteBin, ['build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  const app = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
  app.on('exit', (code) => process.exit(code ?? 0))
}
