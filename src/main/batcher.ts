// Collects changed items and emits them together at most once per interval, so a busy
// session costs the UI at most a fixed number of updates a second however fast bytes flow.

export class Batcher<T> {
  private readonly dirty = new Set<T>()
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly intervalMs: number,
    private readonly emit: (items: T[]) => void
  ) {}

  mark(item: T): void {
    this.dirty.add(item)
    if (this.timer) return
    this.timer = setTimeout(() => this.flush(), this.intervalMs)
    // Pending UI updates must not keep a CLI or a test process alive.
    this.timer.unref()
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.dirty.size === 0) return
    const items = [...this.dirty]
    this.dirty.clear()
    this.emit(items)
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.dirty.clear()
  }
}
