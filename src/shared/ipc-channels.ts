// The Electron shell's only IPC channels, shared by main and preload so they cannot drift.
// Commands and events do not pass here: they go over the MessagePort straight to the core.
/** Main → preload: the MessagePort to the core host comes with this message. */
export const CORE_PORT_CHANNEL = 'core:port'
/** Main → preload: the core host died; a new port follows when it is back. */
export const CORE_LOST_CHANNEL = 'core:lost'
