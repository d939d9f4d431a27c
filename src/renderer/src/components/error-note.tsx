import type { ReactElement } from 'react'
import type { InspectorError } from '../../../shared/model'

/**
 * Shows a core error where the user is looking: the sentence first, then the hint, and the
 * code last and small (for a bug report), never the code as the headline.
 */
export function ErrorNote({ error }: { readonly error: InspectorError }): ReactElement {
  return (
    <div role="alert" className="error-note">
      <strong>{error.message || 'That did not work, and the core did not say why.'}</strong>
      {error.hint ? <p>{error.hint}</p> : null}
      <code className="muted">{error.code}</code>
    </div>
  )
}
