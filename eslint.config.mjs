// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import i18next from 'eslint-plugin-i18next'
import { builtinModules } from 'node:module'

/** Renderer code every user-visible string of which is a translation key (DESIGN.md, i18n). */
const TRANSLATED = ['src/renderer/src/**/*.tsx']

/** Files that may talk to Electron: the shell, never the core (DESIGN.md "One core, three faces"). */
const ELECTRON_SHELL = [
  'src/main/index.ts',
  'src/main/window.ts',
  'src/main/core-launcher.ts',
  'src/preload/**'
]

const NO_ELECTRON_MESSAGE =
  'Only src/main/{index,window,core-launcher}.ts and src/preload/ may import electron; the core runs under plain Node.'
/** Every name Electron can be reached by: the module and its process-specific entries. */
const ELECTRON_MODULES = ['electron', 'electron/main', 'electron/common', 'electron/renderer']
const noElectronImports = ELECTRON_MODULES.map((name) => ({ name, message: NO_ELECTRON_MESSAGE }))
const ELECTRON_SOURCE = '/^electron(\\u002F(main|common|renderer))?$/'
/** require('electron'), import('electron') and TS's import x = require('electron'). */
const noElectronRequire = [
  `CallExpression[callee.name='require'][arguments.0.value=${ELECTRON_SOURCE}]`,
  `ImportExpression[source.value=${ELECTRON_SOURCE}]`,
  `TSExternalModuleReference[expression.value=${ELECTRON_SOURCE}]`
].map((selector) => ({ selector, message: NO_ELECTRON_MESSAGE }))
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)].map((name) => ({
  name,
  message: 'The renderer and src/shared run in a browser: no Node built-ins here.'
}))

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      // Real captured tool output, kept byte for byte.
      'tests/fixtures/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/explicit-function-return-type': [
        'error',
        { allowExpressions: true, allowTypedFunctionExpressions: true }
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: noElectronImports }],
      'no-restricted-syntax': ['error', ...noElectronRequire]
    }
  },
  {
    files: ELECTRON_SHELL,
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...noElectronImports, ...nodeBuiltins] }]
    }
  },
  {
    // The Inspector's parts are private to the core; shells and the CLI use commands.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'internals', message: 'Only tests reach into the core; call a command.' }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules
  },
  {
    // A string the user reads is a key in src/renderer/src/i18n/locales, never a literal.
    files: TRANSLATED,
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: ['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']
          },
          // Symbols, numbers and ALL_CAPS names (TCP states, protocol words) are not language.
          words: { exclude: ['[0-9!-/:-@[-`{-~\\s✕×→←↑↓▲▼·…—–]+', '[A-Z_0-9-]+'] },
          message: 'Text the user reads must come from t(): add a key to both locales.'
        }
      ]
    }
  },
  {
    // Playwright fixtures must destructure their (empty) dependencies as `{}`.
    files: ['tests/e2e/**/*.ts', 'tests/electron/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' }
  },
  {
    files: ['**/*.{mjs,cjs,js}'],
    languageOptions: { globals: globals.node }
  },
  prettier
)
