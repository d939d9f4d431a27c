import { useCallback, useEffect, useState } from 'react'

/** How long a confirmation ("Copied") stays before it fades out. */
export const FLASH_MS = 2_500

export interface Flash {
  readonly text: string
  /** A confirmation fades; an error stays until replaced or cleared. */
  readonly kind: 'done' | 'error'
}

/**
 * A short message beside a control: confirmations go by themselves after FLASH_MS, errors
 * stay. The caller clears it (`show(null)`) when what it was about changes.
 */
export function useFlash(): readonly [Flash | null, (flash: Flash | null) => void] {
  const [flash, setFlash] = useState<Flash | null>(null)
  useEffect(() => {
    if (flash?.kind !== 'done') return
    const timer = setTimeout(() => setFlash(null), FLASH_MS)
    return () => clearTimeout(timer)
  }, [flash])
  const show = useCallback((f: Flash | null) => setFlash(f), [])
  return [flash, show] as const
}
