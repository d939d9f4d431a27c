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
