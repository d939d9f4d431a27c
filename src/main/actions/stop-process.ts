// Stop a process: SIGTERM, or SIGKILL when the user confirmed twice (Windows: taskkill,
// taskkill /F). Refuses this app's own processes and pid 1, and another user's processes
// unless asked twice; then says whether it exited or still runs after the wait.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import type { StopRequest, StopResult } from '../../shared/actions-model'
import { STOP_WAIT_MS } from '../../shared/actions-model'
import { ERROR_IDS as ID } from '../../shared/error-ids'
import { InspectorFailure } from '../../shared/errors'
import { SAID_IDS, worded } from '../../shared/said'
import type { Worded } from '../../shared/said'
import { alive, processFacts } from './host-facts'
import type { ProcessFacts } from './host-facts'

const run = promisify(execFile)
/** How often the wait looks whether the process is gone. */
const STOP_POLL_MS = 50

export interface StopDeps {
  readonly platform: string
  /** The core's own pid. */
  readonly selfPid: number
  /** The desktop app's main process, whose children (renderer, GPU) are the app too. */
  readonly appRootPid: number | null
  readonly myUid: number | null
  readonly userName: (uid: number) => string | null
}

const named = (f: ProcessFacts | null, pid: number): string =>
  f?.name ? `${f.name} (pid ${pid})` : `pid ${pid}`

function refuse(req: StopRequest, facts: ProcessFacts | null, deps: StopDeps): void {
  const { pid } = req
  if (pid === 1) {
    throw new InspectorFailure(
      'EREFUSED',
      'pid 1 is the system’s init process: stopping it would bring the whole machine down.',
      'Pick the process that holds the socket (the PID column).',
      { id: ID.stopInit }
    )
  }
  const root = deps.appRootPid
  if (pid === deps.selfPid || pid === root || (root !== null && facts?.ppid === root)) {
    throw new InspectorFailure(
      'EREFUSED',
      `${named(facts, pid)} is Socket Inspector itself; it will not stop its own processes.`,
      'Close its sockets with Close connection, or quit the app.',
      { id: ID.stopSelf, params: { who: named(facts, pid) } }
    )
  }
  if (!facts) {
    throw new InspectorFailure(
      'ESRCH',
      `There is no process with pid ${pid} (it may have exited already).`,
      'Look at the table again: its rows go when their process does.',
      { id: ID.stopNoProcess, params: { pid } }
    )
  }
  if (deps.myUid !== null && facts.uid !== null && facts.uid !== deps.myUid && !req.otherUser) {
    const who = deps.userName(facts.uid) ?? `uid ${facts.uid}`
    throw new InspectorFailure(
      'EOTHERUSER',
      `${named(facts, pid)} belongs to ${who}, not to you.`,
      'Confirm a second time to stop another user’s process (CLI: --other-user).',
      { id: ID.stopOtherUser, params: { who: named(facts, pid), owner: who } }
    )
  }
}

async function signalPosix(
  pid: number,
  force: boolean,
  facts: ProcessFacts,
  deps: StopDeps
): Promise<void> {
  try {
    process.kill(pid, force ? 'SIGKILL' : 'SIGTERM')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ESRCH') return
    if (code === 'EPERM') {
      const who =
        facts.uid === null ? 'another user' : (deps.userName(facts.uid) ?? `uid ${facts.uid}`)
      throw new InspectorFailure(
        'EPERM',
        `Not allowed to stop ${named(facts, pid)}: it belongs to ${who}.`,
        'Only its owner or root may signal it: run Socket Inspector as that user or with sudo.',
        facts.uid === null
          ? { id: ID.stopNotAllowedUnknown, params: { who: named(facts, pid) } }
          : { id: ID.stopNotAllowed, params: { who: named(facts, pid), owner: who } }
      )
    }
    throw err
  }
}

async function signalWindows(pid: number, force: boolean, facts: ProcessFacts): Promise<void> {
  try {
    await run('taskkill', ['/PID', String(pid), ...(force ? ['/F'] : [])], { windowsHide: true })
  } catch (err) {
    const out = `${(err as { stderr?: string }).stderr ?? ''}`.trim()
    throw new InspectorFailure(
      /access is denied/i.test(out) ? 'EPERM' : 'ETASKKILL',
      `taskkill could not stop ${named(facts, pid)}${out ? `: ${out}` : ''}.`,
      force
        ? 'Run Socket Inspector as Administrator to stop another user’s or an elevated process.'
        : 'A console program ignores the polite request; confirm Kill (taskkill /F) to force it.',
      {
        id: force ? ID.stopTaskkillForce : ID.stopTaskkill,
        params: { who: named(facts, pid), output: out ? `: ${out}` : '' }
      }
    )
  }
}

async function waitGone(pid: number, waitMs: number): Promise<number> {
  const started = Date.now()
  for (let i = 0; i <= waitMs / STOP_POLL_MS; i++) {
    if (!alive(pid)) break
    // A zombie has exited: only its parent's wait() is missing.
    if (process.platform === 'linux' && (await processFacts(pid))?.zombie) break
    if (Date.now() - started >= waitMs) break
    await new Promise((r) => setTimeout(r, STOP_POLL_MS))
  }
  return Date.now() - started
}

export async function stopProcess(req: StopRequest, deps: StopDeps): Promise<StopResult> {
  const facts = await processFacts(req.pid)
  refuse(req, facts, deps)
  const f = facts!
  const force = req.force === true
  const windows = deps.platform === 'win32'
  if (windows) await signalWindows(req.pid, force, f)
  else await signalPosix(req.pid, force, f, deps)
  const waitMs = Math.min(req.waitMs ?? STOP_WAIT_MS.default, STOP_WAIT_MS.max)
  const waited = await waitGone(req.pid, waitMs)
  // Gone: no such pid, a zombie, or reaped between the two looks (its facts are gone too).
  const after = alive(req.pid) ? await processFacts(req.pid) : null
  const gone = after === null || after.zombie
  const signal = windows ? (force ? 'taskkill /F' : 'taskkill') : force ? 'SIGKILL' : 'SIGTERM'
  const done = stopSentence(named(f, req.pid), signal, waited, gone, force)
  return {
    pid: req.pid,
    process: f.name,
    signal,
    outcome: gone ? 'exited' : 'running',
    waitedMs: waited,
    message: done.text,
    said: done.said
  }
}

function stopSentence(
  who: string,
  signal: string,
  waitedMs: number,
  gone: boolean,
  force: boolean
): Worded {
  const params = { who, signal, secs: (waitedMs / 1000).toFixed(1) }
  const { secs } = params
  if (gone) return worded(SAID_IDS.stopExited, params, `${who} exited after ${signal} (${secs} s).`)
  const running = `${who} is still running ${secs} s after ${signal}.`
  return force
    ? worded(SAID_IDS.stopRunning, params, running)
    : worded(SAID_IDS.stopRunningKill, params, `${running} Kill it (SIGKILL) to force it.`)
}
