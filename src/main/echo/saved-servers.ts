// Servers the user saved with "start on launch" are started when the core starts (the
// desktop app or serve). One that cannot start (its port taken meanwhile) is reported as a
// notice, in words, and the others still start.
import type { Notice } from '../../shared/model'
import type { SavedServer } from '../../shared/settings-schema'
import type { EchoServers } from './servers'

export async function startSavedServers(
  servers: EchoServers,
  saved: readonly SavedServer[],
  report: (notice: Omit<Notice, 'at'>) => void
): Promise<number> {
  let started = 0
  for (const { spec, startOnLaunch } of saved) {
    if (!startOnLaunch) continue
    try {
      await servers.start(spec)
      started++
    } catch (err) {
      const e = err as { message?: string; hint?: string }
      report({
        level: 'warning',
        code: 'ESAVEDSERVER',
        message: `A saved echo server could not start on launch: ${e.message ?? String(err)}`,
        hint: e.hint ?? 'Change or remove it under Saved servers in the Echo view.'
      })
    }
  }
  return started
}
