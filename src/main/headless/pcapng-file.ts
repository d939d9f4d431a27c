// `echo --pcapng FILE`: the sessions served, written for Wireshark when the command exits.
import { writeFileSync } from 'node:fs'
import { InspectorFailure } from '../../shared/errors'
import type { Inspector } from '../inspector'

/** Fails early, in the user's words, when FILE cannot be written (checked before serving). */
export function checkWritable(file: string): void {
  try {
    writeFileSync(file, Buffer.alloc(0), { flag: 'a' })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO'
    throw new InspectorFailure(
      code,
      `Cannot write ${file} (${code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : code}).`,
      'Choose a file in a folder you can write to.'
    )
  }
}

/**
 * Stops the servers (closing their sessions, so each ends with its FIN), then writes every
 * session the core remembers; returns the line the CLI prints.
 */
export async function writeSessionsPcapng(inspector: Inspector, file: string): Promise<string> {
  for (const l of await inspector.call('echo:list', [])) {
    if (l.state !== 'stopped') await inspector.call('echo:stop', [l.id, { closeSessions: true }])
  }
  const sessions = (await inspector.call('session:list', [])).length
  const data = await inspector.call('session:pcapng', [{ all: true }])
  writeFileSync(file, Buffer.from(data, 'base64'))
  return `pcapng     ${sessions} session${sessions === 1 ? '' : 's'} written to ${file}`
}
