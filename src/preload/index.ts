// Runs sandboxed before the page: exposes named methods only, never ipcRenderer itself.
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge'

contextBridge.exposeInMainWorld('inspector', createBridge(ipcRenderer))
