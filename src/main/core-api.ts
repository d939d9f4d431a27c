// The core as a client sees it: commands and events, nothing inside. Rooms that watch the
// whole core (recordings, metrics) take this, so they go through the contract like a shell.
import type { Inspector } from './inspector'

export type CoreApi = Pick<Inspector, 'call' | 'on'>
