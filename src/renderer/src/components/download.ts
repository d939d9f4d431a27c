// Saves what the user asked to export as a file: a Blob and an <a download>, which works in
// the browser and in Electron (where it opens the save dialog).

function saveBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
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

export function saveText(filename: string, text: string, type = 'text/plain'): void {
  saveBlob(filename, new Blob([text], { type: `${type};charset=utf-8` }))
}

/** Saves bytes the core sent as base64 (a pcapng file, a recording). */
export function saveBase64(filename: string, base64: string, type: string): void {
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  saveBlob(filename, new Blob([bytes], { type }))
}
