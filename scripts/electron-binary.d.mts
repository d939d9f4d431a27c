export function electronBinary(root: string): string | null
export function installElectron(root: string): boolean
export const MISSING_ELECTRON: string
