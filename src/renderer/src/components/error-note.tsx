import { useContext } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { localizeError } from '../../../shared/error-ids'
import type { InspectorError } from '../../../shared/model'
import { PortLink } from './port-link'

/**
 * Shows a core error where the user is looking: the sentence first, then the hint, and the
 * code last and small (for a bug report), never the code as the headline. The sentence is
 * in the user's language when the core sent an id we have words for, else the core's English.
 */
export function ErrorNote({ error }: { readonly error: InspectorError }): ReactElement {
  const whoHolds = useContext(PortLink)
  const { t, i18n } = useTranslation('errors')
  const shown = localizeError(error, i18n)
  // "Port 8080 is already in use…": the port view says who holds it and what to do.
  const port =
    error.code === 'EADDRINUSE'
      ? (error.params?.port ?? /\bport (\d+)/i.exec(error.message)?.[1])
      : undefined
  const udp = error.params?.protocol === 'UDP' || (!error.params && /\(UDP\)/.test(error.message))
  return (
    <div role="alert" className="error-note">
      <strong>{shown.message || t('note.unknown')}</strong>
      {shown.hint ? <p>{shown.hint}</p> : null}
      {port !== undefined && whoHolds ? (
        <p>
          <button
            type="button"
            className="link"
            onClick={() => whoHolds(Number(port), udp ? 'udp' : 'tcp')}
          >
            {t('note.whoHolds', { port })}
          </button>
        </p>
      ) : null}
      <code className="muted">{error.code}</code>
    </div>
  )
}
