// V8 flags for a process that runs the core: the CLI's `echo` and `serve` (and the core host,
// which takes them at fork). The reasons, measured in docs/BENCHMARKS.md:
// - with V8's default initial old space, every 64 KiB read that the traffic log holds pushes
//   the old generation to its limit, and V8 marks and compacts without pause (12–60
//   mark-compacts per 2 GiB echoed, none with the flag);
// - Node 22's V8 grows the young generation to 32 MiB under the table's churn (Node 20's
//   stayed at 8), which took `serve` at 20,000 sockets from 166 to 208 MiB; capping each
//   semi-space at 4 MiB keeps it where Node 20 had it.
export const CORE_V8_FLAGS: readonly string[] = [
  '--initial-old-space-size=64',
  '--max-semi-space-size=4'
]

const STDIO_FDS = [0, 1, 2] as const
const F_SETFD = 2

/** Set in the environment to run without re-executing (e.g. to measure the difference). */
export const NO_REEXEC_ENV = 'SOCKET_INSPECTOR_NO_REEXEC'

/**
 * Replaces this process with the same command run under CORE_V8_FLAGS, through execve(2):
 * the pid stays the same, so the pid the user sees (and `table` shows) is still the process
 * that holds the sockets. V8 sizes its heap before any JavaScript runs, so the flags cannot
 * be applied from inside. Returns (and the command runs as it is) when the flags are already
 * there, when asked not to, or when execve cannot be called here.
 */
export async function reexecWithCoreFlags(): Promise<void> {
  const missing = CORE_V8_FLAGS.filter((f) => !process.execArgv.includes(f))
  if (missing.length === 0 || process.env[NO_REEXEC_ENV]) return
  if (process.platform !== 'linux') return
  let execve: (path: string, argv: (string | null)[], envp: (string | null)[]) => number
  let fcntl: (fd: number, cmd: number, type: string, arg: number) => number
  try {
    const mod = await import('koffi')
    const koffi = (mod as unknown as { default?: typeof mod }).default ?? mod
    const libc = koffi.load('libc.so.6')
    execve = libc.func('int execve(const char *, const char **, const char **)')
    fcntl = libc.func('int fcntl(int, int, ...)')
  } catch {
    return
  }
  // Node marks stdin, stdout and stderr close-on-exec; the new image needs them.
  for (const fd of STDIO_FDS) fcntl(fd, F_SETFD, 'int', 0)
  const argv = [process.execPath, ...missing, ...process.execArgv, ...process.argv.slice(1)]
  const env = Object.entries(process.env).map(([k, v]) => `${k}=${v ?? ''}`)
  // Only returns if execve failed; then the command runs without the flags.
  execve(process.execPath, [...argv, null], [...env, null])
}
