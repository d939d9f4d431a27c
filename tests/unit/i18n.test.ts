// Both languages say everything: a key in one language and not the other fails the build,
// and so does a {{placeholder}} one translation has and the other lacks.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = resolve(__dirname, '../../src/renderer/src/i18n/locales')
const LANGS = ['en', 'ko'] as const

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const load = (lang: string, file: string): Map<string, string> =>
  flatten(JSON.parse(readFileSync(join(root, lang, file), 'utf8')) as Tree)
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!).sort()

describe('translations', () => {
  const namespaces = readdirSync(join(root, 'en')).sort()

  it('exist as the same namespaces in every language', () => {
    for (const lang of LANGS) expect(readdirSync(join(root, lang)).sort()).toEqual(namespaces)
    expect(namespaces.length).toBeGreaterThan(0)
  })

  it.each(namespaces)('%s: every key in both languages, with the same placeholders', (file) => {
    const en = load('en', file)
    const ko = load('ko', file)
    expect([...ko.keys()].sort(), `${file}: keys`).toEqual([...en.keys()].sort())
    for (const [key, text] of en) {
      expect(placeholders(ko.get(key)!), `${file}: ${key}`).toEqual(placeholders(text))
      expect(ko.get(key)!.trim(), `${file}: ${key} is empty in Korean`).not.toBe('')
    }
  })
})
