import type { ErrorId, ErrorParams } from './error-ids'
import type { InspectorError } from './model'

/** What lets the renderer say an error in the user's language: its id and its values. */
export interface ErrorText {
  readonly id: ErrorId
  readonly params?: ErrorParams
}

/** A failure with a code, a sentence a user understands, and a hint. */
export class InspectorFailure extends Error implements InspectorError {
  readonly code: string
  readonly hint?: string
  readonly id?: ErrorId
  readonly params?: ErrorParams

  constructor(code: string, message: string, hint?: string, text?: ErrorText) {
    super(message)
    this.name = 'InspectorFailure'
    this.code = code
    if (hint !== undefined) this.hint = hint
    if (text) {
      this.id = text.id
      if (text.params) this.params = text.params
    }
  }

  toJSON(): InspectorError {
    return pick(this)
  }
}

export const INTERNAL_ERROR_CODE = 'EINTERNAL'

/** The wire fields only, leaving out what is undefined (JSON and structured clone agree). */
function pick(err: InspectorError): InspectorError {
  return {
    code: err.code,
    message: err.message,
    ...(err.hint === undefined ? {} : { hint: err.hint }),
    ...(err.id === undefined ? {} : { id: err.id }),
    ...(err.params === undefined ? {} : { params: err.params })
  }
}

/** Turns anything thrown into the wire shape, never leaking a stack trace. */
export function toInspectorError(err: unknown): InspectorError {
  if (err instanceof InspectorFailure) return err.toJSON()
  if (isInspectorError(err)) return pick(err)
  const message = err instanceof Error ? err.message : String(err)
  return {
    code: INTERNAL_ERROR_CODE,
    message: `Socket Inspector hit an unexpected problem: ${message}`,
    hint: 'Try again; if it keeps happening, report it with the steps that led here.'
  }
}

export function isInspectorError(value: unknown): value is InspectorError {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.code === 'string' && typeof v.message === 'string'
}
