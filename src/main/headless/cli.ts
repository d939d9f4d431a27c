// The `socket-inspector` entry point (package.json "bin", built to out/main/cli.js).
// It loads as little as it can: `--version` alone is answered before commander (about
// 20 ms to load here) is, and every command's modules load when it runs (program.ts).
import { join } from 'node:path'
import { APP_VERSION } from '../app-info'

const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  console.log(APP_VERSION)
} else {
  // The built renderer sits beside the built CLI: out/main/cli.js → out/renderer/.
  void import('./program').then(({ runProgram }) =>
    runProgram(process.argv, { rendererDir: join(__dirname, '../renderer') })
  )
}
