// Plain, read-only data that crosses every boundary (IPC, WebSocket, CLI --json).
// Nothing here imports Node, Electron or the DOM.

export type TableSourceId = 'procfs' | 'netlink' | 'lsof' | 'ss' | 'netstat'

export interface TableSourceInfo {
  readonly id: TableSourceId
  /** True when this machine can run the source now. */
  readonly available: boolean
  /** What was found (a tool's path, a kernel file) or why it cannot run. */
  readonly detail: string
}

/** Which face the core is running behind. */
export type ShellKind = 'electron' | 'headless' | 'cli' | 'test'

export interface AppInfo {
  readonly name: string
  readonly version: string
  readonly shell: ShellKind
  readonly platform: string
  readonly arch: string
  readonly osRelease: string
  readonly hostname: string
  readonly pid: number
  readonly uid: number | null
  readonly versions: {
    readonly node: string
    readonly electron: string | null
    readonly chrome: string | null
    readonly v8: string
  }
  readonly sources: readonly TableSourceInfo[]
  readonly startedAt: number
}

export type NoticeLevel = 'info' | 'warning' | 'error'

/** Something the user should know that is not the answer to a command. */
export interface Notice {
  readonly level: NoticeLevel
  readonly code: string
  readonly message: string
  readonly hint?: string
  readonly at: number
}

/** How every failure crosses a boundary: a code, a sentence, and what to do about it. */
export interface InspectorError {
  readonly code: string
  readonly message: string
  readonly hint?: string
}
