// Two more rules that must bite: user-visible text in translated renderer files must be a
// translation key, and src/ must not reach into the core's parts (tests only).
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: root })

async function ruleHits(code: string, filePath: string, rule: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) })
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).length
}

describe('lint rules', () => {
  it('fail literal text and labels in a translated view, and pass keys and symbols', async () => {
    const file = 'src/renderer/src/views/teach/life-diagram.tsx'
    const literal =
      'import type { ReactElement } from \'react\'\nexport function A(): ReactElement {\n  return <p title="Hover me">Hello there</p>\n}\n'
    expect(await ruleHits(literal, file, 'i18next/no-literal-string')).toBe(2)
    const keyed =
      "import type { ReactElement } from 'react'\nimport { t } from 'i18next'\nexport function B(): ReactElement {\n  return <p title={t('x')}>{t('y')} ✕ <b>TIME_WAIT</b></p>\n}\n"
    expect(await ruleHits(keyed, file, 'i18next/no-literal-string')).toBe(0)
  })

  it('fail src/ code that reaches into the core through Inspector.internals', async () => {
    const code = 'export const f = (i: { internals: object }): object => i.internals\n'
    expect(await ruleHits(code, 'src/main/headless/program.ts', 'no-restricted-properties')).toBe(1)
    expect(await ruleHits(code, 'tests/integration/x.test.ts', 'no-restricted-properties')).toBe(0)
  })
})
