// Sentences the core (or shared code) makes that are not errors: a close's or a stop's
// result, a note on what the table cannot see, a fired alert, why a rule or a payload is
// refused. Each travels as English (the CLI prints it, tests match it) beside a `Said`: a
// renderer key (`namespace:path`) and its params, a param may itself be a Said. The
// renderer says it in the user's language (src/renderer/src/i18n/say.ts); a unit test checks
// that every id here has words in every language and that English gives back the text.

export type SaidParam = string | number | Said

export interface Said {
  readonly id: SaidId
  readonly params?: Readonly<Record<string, SaidParam>>
}

/** English text and the same words as a Said. */
export interface Worded {
  readonly text: string
  readonly said: Said
}

export const SAID_IDS = {
  // Close and stop results (main/actions/close-socket.ts, stop-process.ts)
  closeGraceful: 'actions:result.closing',
  closeReset: 'actions:result.reset',
  closeDestroyed: 'actions:result.destroyed',
  closeDeleted: 'actions:result.deleted',
  stopExited: 'actions:result.exited',
  stopRunning: 'actions:result.running',
  stopRunningKill: 'actions:result.runningKill',
  // What the table cannot see (conntable sources; shown as the port view's notes)
  noteFdsUnreadable: 'port:notes.fdsUnreadable',
  noteOwnersHidden: 'port:notes.ownersHidden',
  noteNetlinkUnavailable: 'errors:table.netlinkUnavailable.message',
  // Fired alerts (main/alerts/alert-engine.ts)
  alertListen: 'alerts:fired.listen',
  alertFreed: 'alerts:fired.freed',
  alertConnect: 'alerts:fired.connect',
  alertStuck: 'alerts:fired.stuck',
  alertCount: 'alerts:fired.count',
  alertOwner: 'alerts:fired.owner',
  alertOwnerUnseen: 'alerts:fired.ownerUnseen',
  alertAProcess: 'alerts:fired.aProcess',
  alertWhere: 'alerts:fired.where',
  alertUnnamedUnix: 'alerts:fired.unnamedUnix',
  // The rule parser (shared/alert-rules.ts)
  ruleTooLong: 'alerts:parse.tooLong',
  ruleEmpty: 'alerts:parse.empty',
  ruleNotKind: 'alerts:parse.notKind',
  ruleStuckNeeds: 'alerts:parse.stuckNeeds',
  ruleCountNeeds: 'alerts:parse.countNeeds',
  ruleHint: 'alerts:parse.hint',
  // Payloads (shared/payload.ts)
  payloadLoneBackslash: 'echo:payload.loneBackslash',
  payloadBadHexEscape: 'echo:payload.badHexEscape',
  payloadUnknownEscape: 'echo:payload.unknownEscape',
  payloadNotHex: 'echo:payload.notHex',
  payloadOddHex: 'echo:payload.oddHex',
  payloadTooLarge: 'echo:payload.tooLarge',
  payloadTooLong: 'echo:payload.tooLong',
  payloadIsBytes: 'echo:payload.isBytes',
  repeatTooMuch: 'echo:payload.repeatTooMuch',
  repeatWaiting: 'echo:payload.repeatWaiting'
} as const

export type SaidId = (typeof SAID_IDS)[keyof typeof SAID_IDS]

export function said(id: SaidId, params?: Readonly<Record<string, SaidParam>>): Said {
  return params === undefined ? { id } : { id, params }
}

export function worded(
  id: SaidId,
  params: Readonly<Record<string, SaidParam>> | undefined,
  text: string
): Worded {
  return { text, said: said(id, params) }
}
