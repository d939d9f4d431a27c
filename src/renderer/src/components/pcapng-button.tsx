// Exports a session's (or a server's sessions') logged bytes as a pcapng file for Wireshark.
import { useState } from 'react'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectorApi } from '../../../shared/contract'
import type { PcapngTarget } from '../../../shared/export-schema'
import type { InspectorError } from '../../../shared/model'
import { saveBase64 } from './download'
import { ErrorNote } from './error-note'

export interface PcapngButtonProps {
  readonly api: InspectorApi
  readonly target: PcapngTarget
  readonly filename: string
  readonly label?: string
}

export function PcapngButton({ api, target, filename, label }: PcapngButtonProps): ReactElement {
  const { t } = useTranslation('common')
  const [error, setError] = useState<InspectorError | null>(null)
  const save = async (): Promise<void> => {
    try {
      saveBase64(filename, await api['session:pcapng'](target), 'application/vnd.tcpdump.pcap')
      setError(null)
    } catch (err) {
      setError(err as InspectorError)
    }
  }
  return (
    <>
      <button type="button" onClick={() => void save()} title={t('pcapng.title')}>
        {label ?? t('pcapng.label')}
      </button>
      {error ? <ErrorNote error={error} /> : null}
    </>
  )
}
