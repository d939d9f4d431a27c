import type { ReactElement } from 'react'
import type { InspectorError } from '../../../shared/model'

/** Shows a core error where the user is looking: the sentence, the hint, and the code. */
export function ErrorNote({ error }: { readonly error: InspectorError }): ReactElement {
  return (
    <div role="alert" className="error-note">
      <strong>{error.message}</strong>
      {error.hint ? <p>{error.hint}</p> : null}
      <code className="muted">{error.code}</code>
    </div>
  )
}
