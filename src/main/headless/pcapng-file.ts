// `echo --pcapng FILE`: the sessions served, written for Wireshark when the command exits.
import { writeFileSync } from 'node:fs'
import { InspectorFailure } from '../../shared/errors'
import type { Inspector } from '../inspector'
import { pcapngFor } from '../pcapng/export'

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

/** Writes every session the registry remembers; returns the line the CLI prints. */
export function writeSessionsPcapng(inspector: Inspector, file: string): string {
  const sessions = inspector.sessions.list().length
  writeFileSync(file, pcapngFor(inspector.sessions, { all: true }))
  return `pcapng     ${sessions} session${sessions === 1 ? '' : 's'} written to ${file}`
}
