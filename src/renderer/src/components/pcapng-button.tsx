// Exports a session's (or a server's sessions') logged bytes as a pcapng file for Wireshark.
import { useState } from 'react'
import type { ReactElement } from 'react'
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
      <button
        type="button"
        onClick={() => void save()}
        title="The logged bytes as TCP/UDP packets on the session's real addresses, for Wireshark"
      >
        {label ?? 'Export pcapng'}
      </button>
      {error ? <ErrorNote error={error} /> : null}
    </>
  )
}
