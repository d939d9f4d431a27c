// The alerts room: the user's rules (checked, then run by the engine on every table
// diff), and the recent alerts, bounded, for the in-app list. Each fired alert goes to
// `fired` (the alert:fired event), which the shells turn into notifications.
import { InspectorFailure } from '../../shared/errors'
import { MAX_RULES, parseRule, RECENT_ALERTS_LIMIT } from '../../shared/alert-rules'
import type { Alert, AlertRuleSpec } from '../../shared/alert-rules'
import type { RecentAlerts } from '../../shared/insight-model'
import type { TableDiff } from '../../shared/model'
import type { ServiceNames } from '../../shared/service-names'
import { AlertEngine } from './alert-engine'
import type { ActiveRule } from './alert-engine'

/** Checks rules as a user wrote them; the error names the rule and says how to fix it. */
export function activeRules(
  specs: readonly AlertRuleSpec[],
  services?: ServiceNames
): ActiveRule[] {
  if (specs.length > MAX_RULES) {
    throw new InspectorFailure(
      'EBADRULE',
      `There are ${specs.length} alert rules; at most ${MAX_RULES} can be kept.`,
      'Remove the rules you no longer need.'
    )
  }
  const active: ActiveRule[] = []
  for (const spec of specs) {
    const parsed = parseRule(spec.text, services)
    if (!parsed.ok)
      throw new InspectorFailure('EBADRULE', `Rule "${spec.text}": ${parsed.message}`, parsed.hint)
    if (spec.enabled) active.push({ id: spec.id, text: spec.text, parsed: parsed.rule })
  }
  return active
}

export class Alerts {
  private specs: readonly AlertRuleSpec[] = []
  private readonly engine: AlertEngine
  private readonly recentAlerts: Alert[] = []
  private dropped = 0
  private seq = 0

  constructor(
    private readonly fired: (alert: Alert) => void,
    private readonly services: () => ServiceNames | undefined = () => undefined,
    private readonly now: () => number = Date.now
  ) {
    this.engine = new AlertEngine([], (draft) => this.record(draft))
  }

  rules(): AlertRuleSpec[] {
    return [...this.specs]
  }

  /** Replaces every rule; nothing changes when one is bad. */
  setRules(specs: readonly AlertRuleSpec[]): AlertRuleSpec[] {
    this.engine.setRules(activeRules(specs, this.services()))
    this.specs = specs
    return this.rules()
  }

  recent(): RecentAlerts {
    return { alerts: [...this.recentAlerts], dropped: this.dropped }
  }

  clear(): RecentAlerts {
    this.recentAlerts.length = 0
    return this.recent()
  }

  apply(diff: TableDiff): void {
    this.engine.apply(diff)
  }

  private record(draft: Omit<Alert, 'seq' | 'at'>): void {
    const alert: Alert = { ...draft, seq: ++this.seq, at: this.now() }
    this.recentAlerts.push(alert)
    if (this.recentAlerts.length > RECENT_ALERTS_LIMIT) {
      this.recentAlerts.shift()
      this.dropped++
    }
    this.fired(alert)
  }
}
