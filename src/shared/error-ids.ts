// The message ids the core sends beside its English sentences, defined once: the core's
// files name them from here, the renderer looks them up in its `errors` namespace
// (locales/<lang>/errors.json: `<id>.message` and `<id>.hint`), and a unit test checks that
// every one has its words in every language. An error without an id shows its English.

import type { InspectorError } from './model'

export const ERROR_IDS = {
  // Listening (net-errors.ts, unix-path.ts)
  listenPortInUseBy: 'listen.portInUseBy',
  listenPortInUse: 'listen.portInUse',
  listenPathInUse: 'listen.pathInUse',
  listenNotAllowed: 'listen.notAllowed',
  listenPathNotAllowed: 'listen.pathNotAllowed',
  listenNotLocal: 'listen.notLocal',
  listenNoFamily: 'listen.noFamily',
  listenNoFolder: 'listen.noFolder',
  listenPathTooLong: 'listen.pathTooLong',
  listenOther: 'listen.other',
  pathNoFolder: 'path.noFolder',
  pathFolderIsFile: 'path.folderIsFile',
  pathExists: 'path.exists',
  pathIsFolder: 'path.isFolder',
  pathIsFile: 'path.isFile',
  // Connecting (net-errors.ts)
  connectStaleSocket: 'connect.staleSocket',
  connectRefused: 'connect.refused',
  connectTimedOut: 'connect.timedOut',
  connectUnreachable: 'connect.unreachable',
  connectUnresolved: 'connect.unresolved',
  connectNoSocket: 'connect.noSocket',
  connectReset: 'connect.reset',
  connectNotAllowed: 'connect.notAllowed',
  connectOther: 'connect.other',
  // UDP (net-errors.ts)
  udpTooLarge: 'udp.tooLarge',
  udpRefused: 'udp.refused',
  udpOther: 'udp.other',
  // Clients, servers, sessions (clients.ts, servers.ts, echo/handlers.ts)
  clientBadIpv4: 'client.badIpv4',
  clientClosing: 'client.closing',
  clientBusy: 'client.busy',
  clientQueueFull: 'client.queueFull',
  clientQueueFullWaiting: 'client.queueFullWaiting',
  clientNone: 'client.none',
  clientClosed: 'client.closed',
  serverNone: 'server.none',
  serverRunning: 'server.running',
  sessionNone: 'session.none',
  // Closing a connection (actions/close-socket.ts)
  closeUdpPeer: 'close.udpPeer',
  closeNotTcp: 'close.notTcp',
  closeNoPeer: 'close.noPeer',
  closeMacos: 'close.macos',
  closeWindowsIpv6: 'close.windowsIpv6',
  closeWindowsNotAdmin: 'close.windowsNotAdmin',
  closeWindowsRefused: 'close.windowsRefused',
  closeWindowsNoApi: 'close.windowsNoApi',
  closeOtherOs: 'close.otherOs',
  closeNotAllowed: 'close.notAllowed',
  closeNoDestroy: 'close.noDestroy',
  closeGone: 'close.gone',
  closeRefused: 'close.refused',
  closeOnlyReset: 'close.onlyReset',
  closeNoDiag: 'close.noDiag',
  // Stopping a process (actions/stop-process.ts)
  stopInit: 'stop.init',
  stopSelf: 'stop.self',
  stopNoProcess: 'stop.noProcess',
  stopOtherUser: 'stop.otherUser',
  stopNotAllowed: 'stop.notAllowed',
  stopNotAllowedUnknown: 'stop.notAllowedUnknown',
  stopTaskkill: 'stop.taskkill',
  stopTaskkillForce: 'stop.taskkillForce',
  // The table's sources (conntable/netlink-source.ts)
  tableNetlinkUnavailable: 'table.netlinkUnavailable',
  // Recordings (recording/handlers.ts)
  recordingNotOffered: 'recording.notOffered',
  // Arguments (parse-command.ts, schema.ts)
  commandUnknown: 'command.unknown',
  argInvalid: 'arg.invalid',
  argMissing: 'arg.missing',
  argProtocol: 'arg.protocol',
  argProtocolMissing: 'arg.protocolMissing'
} as const

export type ErrorId = (typeof ERROR_IDS)[keyof typeof ERROR_IDS]
export type ErrorParams = Readonly<Record<string, string | number>>

/** The ids that have a hint (`<id>.hint`); the others have a message only. */
export const IDS_WITHOUT_HINT: readonly ErrorId[] = [
  ERROR_IDS.listenOther,
  ERROR_IDS.connectReset,
  ERROR_IDS.connectOther,
  ERROR_IDS.udpOther
]

/**
 * The argument-checking words a sentence is built from: the field the user filled in
 * (`fields.<id>`) and the rule it must follow (`rules.<id>`, which may name the field and
 * the limits). An argument error sends these ids as its `field` and `rule` params.
 */
export const FIELD_IDS = [
  'port',
  'host',
  'socketPath',
  'greeting',
  'backlog',
  'idleTimeout',
  'timeout',
  'repeatCount',
  'interval',
  'pageSize',
  'gracePeriod',
  'payload',
  'payloadFormat',
  'exportFormat',
  'protocol',
  'source',
  'pollRate'
] as const
export type FieldId = (typeof FIELD_IDS)[number]

export const RULE_IDS = [
  'portAny',
  'wholeNumber',
  'bindHost',
  'remoteHost',
  'socketPath',
  'greeting',
  'payload',
  'textOrHex',
  'tcpOrUdp',
  'source',
  'pollRate'
] as const
export type RuleId = (typeof RULE_IDS)[number]

/** The params of an error that are ids of words, and where those words live. */
export const WORD_PARAMS = { field: 'fields', rule: 'rules' } as const

/** The language the core writes its sentences in. */
export const CORE_LANGUAGE = 'en'

/** What localizeError needs of i18next (kept small so this file stays free of it). */
export interface Translator {
  readonly language: string
  exists(key: string, options: { lng: string; fallbackLng: false }): boolean
  t(key: string, options: Record<string, unknown>): string
}

export interface ShownError {
  readonly message: string
  readonly hint?: string
}

/**
 * The error in the translator's language when its id has words there; otherwise the
 * core's English, as sent. A param that is a word id (field, rule) is put in words first.
 */
export function localizeError(error: InspectorError, tr: Translator): ShownError {
  const has = (key: string): boolean =>
    tr.exists(`errors:${key}`, { lng: tr.language, fallbackLng: false })
  // English is what the core wrote: shown as sent, word for word.
  const english: ShownError =
    error.hint === undefined
      ? { message: error.message }
      : { message: error.message, hint: error.hint }
  if (tr.language === CORE_LANGUAGE || !error.id || !has(`${error.id}.message`)) return english
  const params: Record<string, string | number> = { ...error.params }
  for (const [name, ns] of Object.entries(WORD_PARAMS)) {
    const word = params[name]
    if (word === undefined) continue
    if (!has(`${ns}.${word}`)) return english
    params[name] = tr.t(`errors:${ns}.${word}`, params)
  }
  const message = tr.t(`errors:${error.id}.message`, params)
  if (error.hint === undefined) return { message }
  return has(`${error.id}.hint`)
    ? { message, hint: tr.t(`errors:${error.id}.hint`, params) }
    : { message, hint: error.hint }
}
