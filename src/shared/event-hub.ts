// A typed event emitter that knows when an event gains its first listener and loses its
// last, so costly producers (the table poller) run only while someone is listening, and a
// bridge holds one upstream subscription however many views listen. Used by the core and
// by both renderer bridges; it touches nothing but the language.

type Listener<T> = (payload: T) => void

export interface Activity {
  start(): void
  stop(): void
}

export class EventHub<Map extends object> {
  private readonly listeners = new Map<keyof Map, Set<Listener<never>>>()
  private readonly activities = new Map<keyof Map, Activity>()

  /** Registers the producer behind an event: started on the first listener, stopped on the last. */
  setActivity<E extends keyof Map>(event: E, activity: Activity): void {
    this.activities.set(event, activity)
    if (this.count(event) > 0) activity.start()
  }

  on<E extends keyof Map>(event: E, listener: Listener<Map[E]>): () => void {
    let set = this.listeners.get(event)
    if (!set) {
      set = new Set()
      this.listeners.set(event, set)
    }
    const wasIdle = set.size === 0
    // Wrap so the same function can subscribe twice and unsubscribe each independently.
    const entry: Listener<Map[E]> = (payload) => listener(payload)
    set.add(entry as Listener<never>)
    if (wasIdle) this.activities.get(event)?.start()
    let subscribed = true
    return () => {
      if (!subscribed) return
      subscribed = false
      set.delete(entry as Listener<never>)
      if (set.size === 0) this.activities.get(event)?.stop()
    }
  }

  emit<E extends keyof Map>(event: E, payload: Map[E]): void {
    const set = this.listeners.get(event)
    if (!set) return
    for (const listener of [...set]) {
      try {
        ;(listener as Listener<Map[E]>)(payload)
      } catch (err) {
        // One broken subscriber (a closed window, a dead socket) must not starve the others.
        console.error(`listener for ${String(event)} failed:`, err)
      }
    }
  }

  count<E extends keyof Map>(event: E): number {
    return this.listeners.get(event)?.size ?? 0
  }

  clear(): void {
    for (const [event, set] of this.listeners) {
      if (set.size > 0) this.activities.get(event)?.stop()
      set.clear()
    }
  }
}
