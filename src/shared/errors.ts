import type { InspectorError } from './model'

/** A failure with a code, a sentence a user understands, and a hint. */
export class InspectorFailure extends Error implements InspectorError {
  readonly code: string
  readonly hint?: string

  constructor(code: string, message: string, hint?: string) {
    super(message)
    this.name = 'InspectorFailure'
    this.code = code
    if (hint !== undefined) this.hint = hint
  }

  toJSON(): InspectorError {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint }
  }
}

export const INTERNAL_ERROR_CODE = 'EINTERNAL'

/** Turns anything thrown into the wire shape, never leaking a stack trace. */
export function toInspectorError(err: unknown): InspectorError {
  if (err instanceof InspectorFailure) return err.toJSON()
  if (isInspectorError(err)) return { code: err.code, message: err.message, hint: err.hint }
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
