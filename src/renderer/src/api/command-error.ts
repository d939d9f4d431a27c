import type { InspectorError } from '../../../shared/model'

/** A failed command, as the renderer sees it: code, sentence and hint intact. */
export class CommandError extends Error implements InspectorError {
  readonly code: string
  readonly hint?: string

  constructor(error: InspectorError) {
    super(error.message)
    this.name = 'CommandError'
    this.code = error.code
    if (error.hint !== undefined) this.hint = error.hint
  }
}
