// Types for procs.mjs, so the TypeScript benchmarks share its helpers instead of copying them.
import type { ChildProcess, SpawnOptions } from 'node:child_process'

export function start(command: string, args: readonly string[], opts?: SpawnOptions): ChildProcess
/** Stops a process this script started, by its pid; SIGKILL after a bound. */
export function stop(child: ChildProcess): Promise<void>
export function waitForPort(port: number, host?: string): Promise<void>
export const median: (xs: readonly number[]) => number
export function machine(): Promise<Record<string, string | number>>
