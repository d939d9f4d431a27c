import { useContext } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectorError } from '../../../shared/model'
import { PortLink } from './port-link'

/**
 * Shows a core error where the user is looking: the sentence first, then the hint, and the
 * code last and small (for a bug report), never the code as the headline.
 */
export function ErrorNote({ error }: { readonly error: InspectorError }): ReactElement {
  const { t } = useTranslation('common')
  const whoHolds = useContext(PortLink)
  // "Port 8080 is already in use…": the port view says who holds it and what to do.
  const port = error.code === 'EADDRINUSE' ? /\bport (\d+)/i.exec(error.message)?.[1] : undefined
  return (
    <div role="alert" className="error-note">
      <strong>{error.message || t('error.noReason')}</strong>
      {error.hint ? <p>{error.hint}</p> : null}
      {port && whoHolds ? (
        <p>
          <button
            type="button"
            className="link"
            onClick={() => whoHolds(Number(port), /\(UDP\)/.test(error.message) ? 'udp' : 'tcp')}
          >
            {t('error.whoHolds', { port })}
          </button>
        </p>
      ) : null}
      <code className="muted">{error.code}</code>
    </div>
  )
}
