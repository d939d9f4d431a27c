// The bounds every command's arguments are checked against: in main by schema.ts, and in
// the renderer's forms as the user types (without pulling zod into the page).
export const LIMITS = {
  backlog: { min: 1, max: 65_535 },
  greetingChars: 4_096,
  idleTimeoutMs: { min: 100, max: 3_600_000 },
  connectTimeoutMs: { min: 100, max: 120_000 },
  repeat: { min: 1, max: 10_000 },
  /**
   * Bytes one client may have waiting to be sent (every repeat not yet handed to the
   * kernel): without it, 10,000 repeats of 512 KiB would queue 5 GiB.
   */
  clientQueueBytes: 64 * 1024 * 1024,
  intervalMs: { min: 0, max: 60_000 },
  payloadChars: 2 * 1024 * 1024,
  trafficPage: { max: 5_000 },
  pathChars: 4_096
} as const

/** How often the connection table may poll, in polls a second. */
export const POLL_RATE_HZ = { min: 0.25, max: 10, default: 1 } as const
