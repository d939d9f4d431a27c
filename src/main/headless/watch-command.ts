// `socket-inspector watch --rule 'listen port:3000' [--once]`: the alert rules run headless,
// one JSON line per alert on stdout, so a script can wait for "port 3000 is listening".
// Only the rules given are run (the user's saved rules stay the app's); nothing is saved.
import type { Alert } from '../../shared/alert-rules'
import { activeRules } from '../alerts/alerts'
import { invoke } from '../dispatch'
import type { Inspector } from '../inspector'

export interface WatchOptions {
  readonly rules: readonly string[]
  readonly once?: boolean
}

/**
 * Starts watching; resolves with a stop function. With `once`, `onDone` is called after the
 * first alert has been printed.
 */
export async function runWatch(
  inspector: Inspector,
  opts: WatchOptions,
  print: (line: string) => void,
  onDone: () => void,
  note: (line: string) => void = () => undefined
): Promise<() => void> {
  const specs = opts.rules.map((text, i) => ({ id: `rule-${i + 1}`, text, enabled: true }))
  activeRules(specs) // a bad rule is refused here, in the rule's own words
  await invoke(inspector, 'settings:set', { alerts: { rules: specs, notify: false } })
  let finished = false
  const offAlert = inspector.on('alert:fired', (alert: Alert) => {
    if (finished) return
    print(JSON.stringify(alert))
    if (opts.once) {
      finished = true
      onDone()
    }
  })
  // The table polls while someone listens to its diffs; this is that someone.
  // The first poll is the baseline: what already listens is not news. Saying when it is
  // taken lets a script start what it waits for only then.
  let baseline = true
  const offDiff = inspector.on('table:diff', () => {
    if (!baseline) return
    baseline = false
    note(`watching ${specs.length} rule${specs.length === 1 ? '' : 's'} (${opts.rules.join('; ')})`)
  })
  // The table's timer does not hold the process open; a watch must.
  const keepAlive = setInterval(() => undefined, 60_000)
  return () => {
    clearInterval(keepAlive)
    offAlert()
    offDiff()
  }
}
