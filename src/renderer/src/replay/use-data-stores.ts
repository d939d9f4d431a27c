// The table and echo stores the views read: fed by the live core, or, while a recording is
// open, by the replay — its api, its clock (the scrubber's time) and its own chart history.
// A new source makes new stores, so nothing of the live machine is shown as the recording.
import { useMemo } from 'react'
import type { InspectorApi } from '../../../shared/contract'
import { EchoStore } from '../store/echo-store'
import { TableStore } from '../store/table-store'
import type { ReplaySource } from './replay-source'

export interface DataStores {
  readonly api: InspectorApi
  readonly table: TableStore
  readonly echo: EchoStore
}

export function useDataStores(
  live: InspectorApi,
  source: ReplaySource | null,
  schedule?: (apply: () => void) => unknown
): DataStores {
  return useMemo(() => {
    if (!source) {
      return {
        api: live,
        table: new TableStore(live, schedule),
        echo: new EchoStore(live, schedule)
      }
    }
    const clock = (): number => source.at
    return {
      api: source.api,
      table: new TableStore(source.api, schedule, clock, (at) => source.history.at(at).states),
      echo: new EchoStore(source.api, schedule, clock, () => source.history.at(source.at).rates)
    }
  }, [live, source, schedule])
}
