// The rules that keep the core out of Electron and the renderer out of Node must actually
// bite: lint and typecheck are run here on deliberately broken code.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: root })

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message)
}

/** Every way a file can reach Electron. */
const ELECTRON_FORMS = [
  "import { app } from 'electron'\nexport const x = app\n",
  "import { app } from 'electron/main'\nexport const x = app\n",
  "import { clipboard } from 'electron/common'\nexport const x = clipboard\n",
  "import { ipcRenderer } from 'electron/renderer'\nexport const x = ipcRenderer\n",
  "import type { App } from 'electron'\nexport type X = App\n",
  "// eslint-disable-next-line @typescript-eslint/no-require-imports\nconst e = require('electron')\nexport const x = e\n",
  "// eslint-disable-next-line @typescript-eslint/no-require-imports\nconst e = require('electron/main')\nexport const x = e\n",
  "export const x = import('electron')\n",
  "// eslint-disable-next-line @typescript-eslint/no-require-imports\nimport e = require('electron')\nexport const x = e\n"
] as const

describe('lint guards', () => {
  it('fail a core file that reaches electron in any form', async () => {
    for (const file of [
      'src/main/inspector.ts',
      'src/main/core-host.ts',
      'src/main/core-supervisor.ts',
      'src/main/wire-peer.ts',
      'src/main/headless/server.ts',
      'src/main/echo/tcp.ts'
    ]) {
      for (const code of ELECTRON_FORMS) {
        const messages = await restrictedImports(code, file)
        expect(messages.join('\n'), `${file}: ${code}`).toMatch(
          /Only src\/main\/\{index,window,core-launcher\}\.ts/
        )
      }
    }
  })

  it('let the Electron shell files import electron', async () => {
    for (const file of [
      'src/main/index.ts',
      'src/main/window.ts',
      'src/main/core-launcher.ts',
      'src/preload/index.ts'
    ]) {
      for (const code of ELECTRON_FORMS) {
        expect(await restrictedImports(code, file), `${file}: ${code}`).toEqual([])
      }
    }
  })

  it('fail the renderer and src/shared when they import a Node built-in or electron', async () => {
    const cases = [
      [
        "import { readFile } from 'node:fs'\nexport const r = readFile\n",
        'src/renderer/src/App.tsx'
      ],
      ["import net from 'net'\nexport const n = net\n", 'src/shared/model.ts'],
      [
        "import { ipcRenderer } from 'electron'\nexport const i = ipcRenderer\n",
        'src/renderer/src/api/index.ts'
      ]
    ] as const
    for (const [code, file] of cases) {
      expect((await restrictedImports(code, file)).length, file).toBe(1)
    }
  })
})

describe('typecheck guard', () => {
  it('fails when src/main/window.ts misuses an Electron API', () => {
    const configPath = resolve(root, 'tsconfig.node.json')
    const config = ts.getParsedCommandLineOfConfigFile(
      configPath,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(String(d.messageText))
        }
      }
    )
    if (!config) throw new Error('tsconfig.node.json did not parse')
    const windowFile = resolve(root, 'src/main/window.ts')
    const misuse =
      readFileSync(windowFile, 'utf8') +
      '\nexport function misuse(win: BrowserWindow): void {\n' +
      '  win.loadURL(42)\n' +
      '  new BrowserWindow({ webPreferences: { nodeIntegraton: true } })\n' +
      '}\n'
    const host = ts.createCompilerHost(config.options)
    const readFile = host.readFile.bind(host)
    host.readFile = (file) => (resolve(file) === windowFile ? misuse : readFile(file))
    const program = ts.createProgram({
      rootNames: [windowFile],
      options: { ...config.options, composite: false },
      host
    })
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && resolve(d.file.fileName) === windowFile)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    expect(errors.some((e) => /number.*not assignable to parameter of type 'string'/.test(e))).toBe(
      true
    )
    expect(errors.some((e) => /nodeIntegraton/.test(e))).toBe(true)
  })
})
