// Electron only: the one place that sets what a page may do. Permissions per session,
// navigation, new windows and webviews per web contents — for every session and every web
// contents the app ever creates, so no window can be opened that escapes it.
import type { Session, WebContents } from 'electron'

/**
 * Electron grants every permission unless told otherwise. The window needs one: writing to
 * the clipboard ("Copy row"). Camera, notifications, geolocation and the rest are refused.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, grant) =>
    grant(ALLOWED_PERMISSIONS.has(permission))
  )
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission))
}

/** Our page never navigates, opens a window or attaches a webview; nothing else may either. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  hardenSession(contents.session)
}
