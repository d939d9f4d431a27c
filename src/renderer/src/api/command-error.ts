import type { InspectorError } from '../../../shared/model'

/** A failed command, as the renderer sees it: code, sentence, hint and message id intact. */
export class CommandError extends Error implements InspectorError {
  readonly code: string
  readonly hint?: string
  readonly id?: string
  readonly params?: InspectorError['params']

  constructor(error: InspectorError) {
    super(error.message)
    this.name = 'CommandError'
    this.code = error.code
    if (error.hint !== undefined) this.hint = error.hint
    // What ErrorNote needs to say it in the user's language.
    if (error.id !== undefined) this.id = error.id
    if (error.params !== undefined) this.params = error.params
  }
}
