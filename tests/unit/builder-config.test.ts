// The installers' configuration, checked by electron-builder's own loader and schema (the
// packaging itself cannot run here: it downloads Electron). A mistyped key or a file type
// that does not match the recordings the app writes would otherwise surface only on a
// release machine.
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RECORDING_EXTENSION } from '../../src/shared/export-schema'

interface FileAssociation {
  readonly ext: string
  readonly mimeType?: string
}
interface BuilderConfig {
  readonly linux?: { readonly fileAssociations?: readonly FileAssociation[] }
  readonly fileAssociations?: readonly FileAssociation[]
}

// electron-builder ships CommonJS; its config helpers are not in its public index.
const require = createRequire(import.meta.url)
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (dir: string, path: string | null, options: null) => Promise<BuilderConfig>
  validateConfiguration: (config: BuilderConfig, logger: unknown) => Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown }

const root = resolve(__dirname, '../..')

describe('electron-builder.yml', () => {
  it('matches electron-builder’s schema', async () => {
    const config = await getConfig(root, null, null)
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('registers recordings as a file type on Linux, by the extension the app writes', async () => {
    const config = await getConfig(root, null, null)
    const [recording, ...others] = config.linux?.fileAssociations ?? []
    expect(others).toEqual([])
    // electron-builder writes the glob `*.<ext>` into the package's shared-mime-info file.
    expect(`.${recording!.ext}`).toBe(RECORDING_EXTENSION)
    expect(recording!.mimeType).toMatch(/^application\/x-[\w-]+$/)
    // Not for every OS: macOS and Windows would take it as a claim on every .gz file.
    expect(config.fileAssociations).toBeUndefined()
  })
})
