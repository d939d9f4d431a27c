// How long a TCP socket stays in TIME_WAIT, per OS: an estimate for when the kernel's own
// timer cannot be read. Linux: TCP_TIMEWAIT_LEN (60 s); macOS: 2 × MSL (MSL is 15 s); Windows:
// TcpTimedWaitDelay's default (120 s on current versions).
export const TIME_WAIT_MS: Readonly<Record<string, number>> = {
  linux: 60_000,
  darwin: 30_000,
  win32: 120_000
}
