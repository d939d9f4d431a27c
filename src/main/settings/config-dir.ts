// Where the settings file lives when no --config DIR is given: the platform's own config
// folder, as Electron's app.getPath('userData') would choose for the desktop app.
import { homedir } from 'node:os'
import { join } from 'node:path'

export const CONFIG_FOLDER_NAME = 'socket-inspector'

export function defaultConfigDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir()
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), CONFIG_FOLDER_NAME)
  }
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', CONFIG_FOLDER_NAME)
  }
  const xdg = env.XDG_CONFIG_HOME
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.config'), CONFIG_FOLDER_NAME)
}
