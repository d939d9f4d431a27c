// Keeps the UI's language in step with the user's choice in settings (or the system's).
import { useEffect } from 'react'
import type { InspectorApi } from '../../../shared/contract'
import { setLanguage } from '.'

export function useLanguage(api: InspectorApi): void {
  useEffect(() => {
    let live = true
    api['settings:get']().then(
      (s) => live && setLanguage(s.language),
      () => undefined
    )
    const off = api.on('settings:changed', (s) => setLanguage(s.language))
    return () => {
      live = false
      off()
    }
  }, [api])
}
