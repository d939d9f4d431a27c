// The `socket-inspector` entry point (package.json "bin", built to out/main/cli.js).
import { join } from 'node:path'
import { runProgram } from './program'

// The built renderer sits beside the built CLI: out/main/cli.js → out/renderer/.
void runProgram(process.argv, { rendererDir: join(__dirname, '../renderer') })
