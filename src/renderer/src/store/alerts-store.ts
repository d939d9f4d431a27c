// Alerts in the renderer: the user's rules (settings key `alerts`, saved through
// settings:set, kept current by settings:changed), the recent alerts (alerts:recent, then
// alert:fired as they come, bounded as the core bounds them), and the browser's own
// notifications in browser mode when the user allowed them. In the desktop app, main shows
// the notifications (the page is refused the permission).
import { RECENT_ALERTS_LIMIT } from '../../../shared/alert-rules'
import type { Alert, AlertRuleSpec } from '../../../shared/alert-rules'
import type { InspectorApi, Unsubscribe } from '../../../shared/contract'
import type { Settings } from '../../../shared/settings-schema'
import { say } from '../i18n/say'

export interface AlertsState {
  readonly rules: readonly AlertRuleSpec[]
  readonly notify: boolean
  readonly recent: readonly Alert[]
  /** Alerts let go of to stay within the bound (the core's count plus ours). */
  readonly dropped: number
  /** Alerts that came since the user last looked at the list. */
  readonly unseen: number
  readonly loaded: boolean
}

const EMPTY: AlertsState = {
  rules: [],
  notify: true,
  recent: [],
  dropped: 0,
  unseen: 0,
  loaded: false
}

export class AlertsStore {
  private state: AlertsState = EMPTY
  private readonly subscribers = new Set<() => void>()

  constructor(
    private readonly api: InspectorApi,
    private readonly browserNotifications: boolean
  ) {}

  start(): Unsubscribe {
    const offs = [
      this.api.on('alert:fired', (a) => this.add(a)),
      this.api.on('settings:changed', (s) => this.fromSettings(s))
    ]
    void Promise.all([this.api['settings:get'](), this.api['alerts:recent']()]).then(
      ([settings, recent]) => {
        this.fromSettings(settings)
        this.set({ recent: recent.alerts, dropped: recent.dropped, loaded: true })
      },
      () => undefined
    )
    return () => offs.forEach((off) => off())
  }

  /** Saves the rules (the core checks each and says which is wrong). */
  async saveRules(rules: readonly AlertRuleSpec[], notify = this.state.notify): Promise<void> {
    const settings = await this.api['settings:set']({ alerts: { rules: [...rules], notify } })
    this.fromSettings(settings)
  }

  async clear(): Promise<void> {
    const recent = await this.api['alerts:clear']()
    this.set({ recent: recent.alerts, unseen: 0 })
  }

  markSeen(): void {
    if (this.state.unseen > 0) this.set({ unseen: 0 })
  }

  subscribe = (fn: () => void): Unsubscribe => {
    this.subscribers.add(fn)
    return () => this.subscribers.delete(fn)
  }

  getState = (): AlertsState => this.state

  private fromSettings(s: Settings): void {
    this.set({ rules: s.alerts.rules, notify: s.alerts.notify })
  }

  private add(alert: Alert): void {
    const recent = [...this.state.recent, alert]
    const over = Math.max(0, recent.length - RECENT_ALERTS_LIMIT)
    this.set({
      recent: over > 0 ? recent.slice(over) : recent,
      dropped: this.state.dropped + over,
      unseen: this.state.unseen + 1
    })
    this.notifyBrowser(alert)
  }

  private notifyBrowser(alert: Alert): void {
    if (!this.browserNotifications || !this.state.notify) return
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return
    new Notification('Socket Inspector', {
      body: say(alert.said, alert.message),
      tag: `alert-${alert.seq}`
    })
  }

  private set(patch: Partial<AlertsState>): void {
    this.state = { ...this.state, ...patch }
    for (const fn of [...this.subscribers]) fn()
  }
}
