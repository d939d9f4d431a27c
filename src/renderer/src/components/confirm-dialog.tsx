// Asks before a destructive action: what it will do, in words, and two buttons. Cancel has
// the focus, so Enter never destroys by accident; Escape cancels.
import { useEffect, useRef } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'

export interface ConfirmRequest {
  readonly title: string
  readonly body: string
  readonly confirmLabel: string
}

export interface ConfirmDialogProps extends ConfirmRequest {
  readonly onAnswer: (yes: boolean) => void
}

export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  onAnswer
}: ConfirmDialogProps): ReactElement {
  const { t } = useTranslation('common')
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => cancel.current?.focus(), [])
  return (
    <div className="dialog-backdrop" onMouseDown={() => onAnswer(false)}>
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-body"
        className="dialog panel"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return
          e.stopPropagation()
          onAnswer(false)
        }}
      >
        <h2 id="confirm-title">{title}</h2>
        <p id="confirm-body">{body}</p>
        <div className="dialog-buttons">
          <button type="button" ref={cancel} onClick={() => onAnswer(false)}>
            {t('button.cancel')}
          </button>
          <button type="button" className="danger" onClick={() => onAnswer(true)}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  )
}
