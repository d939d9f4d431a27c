// Saves text the user asked to export as a file: a Blob and an <a download>, which works in
// the browser and in Electron (where it opens the save dialog).

export function saveText(filename: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  // The click has handed the Blob over; let it go on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** Saves bytes the core sent as base64 (a pcapng file, a recording). */
export function saveBase64(filename: string, base64: string, type: string): void {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  const url = URL.createObjectURL(new Blob([bytes], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
